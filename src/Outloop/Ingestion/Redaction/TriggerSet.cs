using System.Buffers;
using System.Runtime.CompilerServices;

namespace Outloop.Ingestion.Redaction;

/// <summary>
/// The triggers of every rule that share one comparison, searched together in one vectorised pass; at each hit,
/// the rules whose trigger starts there are marked (bit i = rule i).
/// </summary>
internal sealed class TriggerSet
{
    private readonly SearchValues<string> _values;
    private readonly (string Trigger, uint Rules)[] _table;
    private readonly StringComparison _comparison;
    private readonly uint _all;

    public TriggerSet(IReadOnlyList<RedactionRule> rules, StringComparison comparison)
    {
        _comparison = comparison;
        var table = new Dictionary<string, uint>(StringComparer.FromComparison(comparison));
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i].Comparison != comparison)
            {
                continue;
            }

            foreach (var trigger in rules[i].Triggers)
            {
                table[trigger] = table.GetValueOrDefault(trigger) | (1u << i);
                _all |= 1u << i;
            }
        }

        _table = [.. table.Select(pair => (pair.Key, pair.Value))];
        _values = SearchValues.Create([.. table.Keys], comparison);
    }

    public bool IsFoundIn(ReadOnlySpan<char> text) => text.IndexOfAny(_values) >= 0;

    // Per line or per row: optimised at its first call (see CodexRollout.Apply).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public uint RulesFoundIn(ReadOnlySpan<char> text)
    {
        uint found = 0;
        var position = text.IndexOfAny(_values);
        while (position >= 0)
        {
            var rest = text[position..];
            foreach (var (trigger, rules) in _table)
            {
                if (rest.StartsWith(trigger, _comparison))
                {
                    found |= rules;
                }
            }

            if (found == _all)
            {
                break;
            }

            var next = rest[1..].IndexOfAny(_values);
            position = next < 0 ? -1 : position + 1 + next;
        }

        return found;
    }
}
