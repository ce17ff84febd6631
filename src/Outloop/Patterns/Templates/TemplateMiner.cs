using System.Runtime.InteropServices;

namespace Outloop.Patterns.Templates;

/// <summary>
/// Mines log messages and error lines into templates online: one pass, one message at a time, one
/// configuration for every source. Each message is split on whitespace and its obvious variables are masked
/// (<see cref="TokenMasker"/>). Messages with the same masked token sequence share a template at once; a new
/// sequence joins the most similar template of the same length and first word when the only differences are
/// plain words in at most a quarter of the positions, and those positions become <c>&lt;*&gt;</c>. Templates
/// that end up with the same text are merged, so <see cref="TemplateOf"/> gives every line its final template.
/// </summary>
internal sealed class TemplateMiner
{
    private const int Wild = 0;
    private const int MaxExamples = 3;
    private const int MaxEnumValues = 2;
    private const int MaxRawCache = 1 << 16;

    private readonly Dictionary<string, int> _tokenIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _tokenLookup;
    private readonly List<string> _tokenText = [];
    private readonly List<TokenShape> _shapes = [];

    // Tokens that hold a value (a masked part, a dotted host or qualified name) do not key a bucket.
    private readonly List<bool> _valueLike = [];

    // Raw tokens without digits repeat (they are the constant words): their masked id is remembered, bounded.
    private readonly Dictionary<string, int> _rawIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _rawLookup;

    private readonly Dictionary<ulong, int> _skeletonByHash = [];
    private readonly List<int[]> _skeletons = [];
    private readonly List<int> _skeletonNext = [];
    private readonly List<int> _skeletonCluster = [];
    private readonly List<int> _skeletonLines = [];
    private readonly List<string> _skeletonExample = [];

    private readonly List<Cluster> _clusters = [];
    private readonly Dictionary<long, List<int>> _buckets = [];
    private readonly List<int> _lineSkeleton = [];

    private readonly int _openValue;

    private int[] _ids = new int[64];
    private (int Start, int Length)[] _spans = new (int, int)[64];
    private char[] _chars = new char[256];
    private List<MinedTemplate>? _templates;
    private int[] _finalOfSkeleton = [];

    public TemplateMiner()
    {
        _tokenLookup = _tokenIds.GetAlternateLookup<ReadOnlySpan<char>>();
        _rawLookup = _rawIds.GetAlternateLookup<ReadOnlySpan<char>>();
        Intern(TokenMasker.Wildcard);
        _openValue = Intern("(" + TokenMasker.Wildcard);
    }

    /// <summary>How many messages were added.</summary>
    public int LineCount => _lineSkeleton.Count;

    /// <summary>The templates as they stand now, merged and with their final ids.</summary>
    public IReadOnlyList<MinedTemplate> Templates
    {
        get
        {
            Refresh();
            return _templates!;
        }
    }

    /// <summary>Adds one message; returns the id of the template it belongs to now (it may merge later).</summary>
    public int Add(string message)
    {
        var n = Tokenize(message);
        var sequence = _ids.AsSpan(0, n);
        var hash = Hash(sequence);
        var skeleton = FindSkeleton(hash, sequence);
        int cluster;
        if (skeleton >= 0)
        {
            cluster = Root(_skeletonCluster[skeleton]);
        }
        else
        {
            cluster = Match(sequence);
            if (cluster < 0)
            {
                cluster = NewCluster(sequence);
            }

            skeleton = AddSkeleton(hash, sequence, cluster, message);
        }

        _skeletonLines[skeleton]++;
        _lineSkeleton.Add(skeleton);
        _templates = null;
        return cluster;
    }

    /// <summary>The final template id of the <paramref name="lineIndex"/>-th added message.</summary>
    public int TemplateOf(int lineIndex)
    {
        Refresh();
        return _finalOfSkeleton[_lineSkeleton[lineIndex]];
    }

    /// <summary>The final template id of every added message, in the order they were added.</summary>
    public int[] Assignments()
    {
        Refresh();
        var result = new int[_lineSkeleton.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = _finalOfSkeleton[_lineSkeleton[i]];
        }

        return result;
    }

    private int Tokenize(string message)
    {
        var text = message.AsSpan();
        var count = 0;
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                break;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (count == _spans.Length)
            {
                Array.Resize(ref _spans, count * 2);
            }

            _spans[count++] = (start, i - start);
        }

        if (_ids.Length < count)
        {
            _ids = new int[Math.Max(count, _ids.Length * 2)];
        }

        var n = 0;
        for (var t = 0; t < count; t++)
        {
            var timestamp = TimestampLength(text, t, count);
            if (timestamp > 0)
            {
                _ids[n++] = Wild;
                t += timestamp - 1;
                continue;
            }

            var token = text.Slice(_spans[t].Start, _spans[t].Length);
            if (n > 0 && _ids[n - 1] == _openValue && SizeUnitLength(token) is var closing and > 0 &&
                closing < token.Length && token[closing] == ')')
            {
                // "18846 bytes (18.4 KB) received": the bracketed size restates the count, so it is dropped and
                // lines with and without it keep one length.
                n--;
                continue;
            }

            var cacheable = token.IndexOfAnyInRange('0', '9') < 0;
            if (cacheable && _rawLookup.TryGetValue(token, out var known) && !(n > 0 && _ids[n - 1] == Wild))
            {
                _ids[n++] = known;
                continue;
            }

            var max = TokenMasker.MaxOutput(token.Length);
            if (_chars.Length < max)
            {
                _chars = new char[max * 2];
            }

            var length = TokenMasker.Mask(token, _chars);
            var masked = _chars.AsSpan(0, length);
            if (n > 0 && _ids[n - 1] == Wild && SizeUnitLength(masked) is var unit and > 0)
            {
                // "93.0 KB," is one size: the unit joins the number and its punctuation stays.
                if (unit == masked.Length)
                {
                    continue;
                }

                var merged = new char[3 + masked.Length - unit];
                TokenMasker.Wildcard.CopyTo(merged);
                masked[unit..].CopyTo(merged.AsSpan(3));
                _ids[n - 1] = Intern(merged);
                continue;
            }

            var id = Intern(masked);
            if (cacheable && _rawIds.Count < MaxRawCache)
            {
                _rawLookup.TryAdd(token, id);
            }

            _ids[n++] = id;
        }

        return n;
    }

    private int TimestampLength(ReadOnlySpan<char> text, int t, int count)
    {
        // "Tue Jul 26 05:47:42 2005", "Jul  1 07:57:30": a date written out is one variable.
        var first = t;
        var month = t;
        if (IsWeekday(Token(text, t)))
        {
            month = t + 1;
        }

        if (month + 2 >= count || !IsMonth(Token(text, month)) || !IsDayNumber(Token(text, month + 1)) ||
            !IsClock(Token(text, month + 2)))
        {
            return 0;
        }

        var end = month + 3;
        if (end < count && IsYear(Token(text, end)))
        {
            end++;
        }

        return end - first;
    }

    private ReadOnlySpan<char> Token(ReadOnlySpan<char> text, int t) => text.Slice(_spans[t].Start, _spans[t].Length);

    private static bool IsWeekday(ReadOnlySpan<char> s) =>
        s.Length == 3 && s is "Mon" or "Tue" or "Wed" or "Thu" or "Fri" or "Sat" or "Sun";

    private static bool IsMonth(ReadOnlySpan<char> s) =>
        s.Length == 3 && s is "Jan" or "Feb" or "Mar" or "Apr" or "May" or "Jun" or "Jul" or "Aug" or "Sep" or "Oct"
            or "Nov" or "Dec";

    private static bool IsDayNumber(ReadOnlySpan<char> s) =>
        s.Length is 1 or 2 && char.IsAsciiDigit(s[0]) && char.IsAsciiDigit(s[^1]);

    private static bool IsClock(ReadOnlySpan<char> s) =>
        s.Length >= 5 && char.IsAsciiDigit(s[0]) && char.IsAsciiDigit(s[1]) && s[2] == ':' && char.IsAsciiDigit(s[3]);

    private static bool IsYear(ReadOnlySpan<char> s) =>
        s.Length == 4 && char.IsAsciiDigit(s[0]) && char.IsAsciiDigit(s[1]) && char.IsAsciiDigit(s[2]) &&
        char.IsAsciiDigit(s[3]);

    private static int SizeUnitLength(ReadOnlySpan<char> s)
    {
        var letters = 0;
        while (letters < s.Length && char.IsAsciiLetter(s[letters]))
        {
            letters++;
        }

        for (var p = letters; p < s.Length; p++)
        {
            if (char.IsLetterOrDigit(s[p]) || s[p] == '<')
            {
                return 0;
            }
        }

        var unit = s[..letters];
        return unit is "B" or "KB" or "MB" or "GB" or "TB" or "KiB" or "MiB" or "GiB" or "TiB" ? letters : 0;
    }

    private int Intern(ReadOnlySpan<char> token)
    {
        if (_tokenLookup.TryGetValue(token, out var id))
        {
            return id;
        }

        var text = token.ToString();
        id = _tokenText.Count;
        _tokenIds.Add(text, id);
        _tokenText.Add(text);
        _shapes.Add(TokenShape.Of(text));
        _valueLike.Add(IsValueLike(text));
        return id;
    }

    private static ulong Hash(ReadOnlySpan<int> sequence)
    {
        var h = 0xcbf29ce484222325UL ^ (ulong)sequence.Length;
        foreach (var id in sequence)
        {
            h = (h ^ (uint)id) * 0x100000001b3UL;
            h ^= h >> 29;
        }

        return h;
    }

    private int FindSkeleton(ulong hash, ReadOnlySpan<int> sequence)
    {
        if (!_skeletonByHash.TryGetValue(hash, out var s))
        {
            return -1;
        }

        for (; s >= 0; s = _skeletonNext[s])
        {
            if (sequence.SequenceEqual(_skeletons[s]))
            {
                return s;
            }
        }

        return -1;
    }

    private int AddSkeleton(ulong hash, ReadOnlySpan<int> sequence, int cluster, string example)
    {
        var index = _skeletons.Count;
        _skeletons.Add(sequence.ToArray());
        _skeletonCluster.Add(cluster);
        _skeletonLines.Add(0);
        _skeletonExample.Add(example);
        ref var head = ref CollectionsMarshal.GetValueRefOrAddDefault(_skeletonByHash, hash, out var exists);
        _skeletonNext.Add(exists ? head : -1);
        head = index;
        return index;
    }

    /// <summary>
    /// Templates compete within one length and first word. A first token that is itself a value (a host, a
    /// qualified name, a partly masked token) names no event, so such lines share one bucket per length.
    /// </summary>
    private long BucketKey(ReadOnlySpan<int> sequence)
    {
        var first = sequence.IsEmpty ? -1 : sequence[0];
        if (first > 0 && _valueLike[first])
        {
            first = Wild;
        }

        return ((long)sequence.Length << 32) | (uint)first;
    }

    /// <summary>Letters joined by dots (<c>system.call.count</c>): a name, not a word of an enumeration.</summary>
    private static bool IsDottedName(string token)
    {
        for (var i = 1; i < token.Length - 1; i++)
        {
            if (token[i] == '.' && char.IsLetterOrDigit(token[i - 1]) && char.IsLetter(token[i + 1]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsValueLike(string token) =>
        token.Contains(TokenMasker.Wildcard, StringComparison.Ordinal) || IsDomainName(token.AsSpan().TrimEnd(":,;"));

    /// <summary>
    /// A host (<c>mail.example.com</c>) or a reverse-domain name (<c>com.example.app.job</c>): dotted labels with a
    /// common top-level domain at one end. Dotted names without one (<c>mapred.task.id</c>) may be keys that name
    /// the event, so they are not values here.
    /// </summary>
    internal static bool IsDomainName(ReadOnlySpan<char> token)
    {
        var firstDot = token.IndexOf('.');
        var lastDot = token.LastIndexOf('.');
        if (firstDot <= 0 || lastDot >= token.Length - 1)
        {
            return false;
        }

        foreach (var c in token)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '.' and not '-' and not '_')
            {
                return false;
            }
        }

        return IsTopLevelDomain(token[(lastDot + 1)..]) || (firstDot != lastDot && IsTopLevelDomain(token[..firstDot]));
    }

    private static bool IsTopLevelDomain(ReadOnlySpan<char> label) =>
        label is "com" or "net" or "org" or "edu" or "gov" or "io" or "local" or "cn" or "hk" or "us" or "uk" or "de"
            or "jp" or "fr" or "ru";

    private int Match(ReadOnlySpan<int> sequence)
    {
        if (!_buckets.TryGetValue(BucketKey(sequence), out var bucket))
        {
            return -1;
        }

        // Costs are in halves: a plain word that differs costs 2, a host, class or empty value 1.
        var allowed = sequence.Length / 2;
        var best = -1;
        var bestCost = int.MaxValue;
        var bestSame = -1;
        foreach (var candidate in bucket)
        {
            var cluster = _clusters[candidate];
            if (cluster.Parent != candidate)
            {
                continue;
            }

            var template = cluster.Template;
            var cost = 0;
            var same = 0;
            for (var i = 0; i < template.Length && cost <= allowed; i++)
            {
                var t = template[i];
                var s = sequence[i];
                if (t == s)
                {
                    same++;
                }
                else if (!cluster.Generalized[i])
                {
                    cost += t == Wild ? Cost(s, t, allowed + 1) : Cost(t, s, allowed + 1);
                }
                else if (t != Wild)
                {
                    cost += Cost(t, s, allowed + 1, wildcardsAreFree: true);
                }
            }

            if (cost <= allowed && (cost < bestCost || (cost == bestCost && same > bestSame)))
            {
                best = candidate;
                bestCost = cost;
                bestSame = same;
            }
        }

        if (best >= 0 && bestCost > 0)
        {
            Generalize(best, sequence, bucket);
        }

        return best;
    }

    /// <summary>What it costs to let template token <paramref name="t"/> absorb line token <paramref name="s"/>.</summary>
    private int Cost(int t, int s, int hard, bool wildcardsAreFree = false)
    {
        var a = _shapes[t];
        if (s == Wild)
        {
            if (a.NonEmpty > 1)
            {
                // A run of values (<*>,<*> or <*>:<*>:<*>) is one value; a key=value pair is not.
                return IsLetterless(t) ? 1 : hard;
            }

            return WholeKind(a) switch
            {
                SegmentKind.Capitals => hard,
                SegmentKind.Word => 2,
                _ => 1,
            };
        }

        var b = _shapes[s];
        if (!string.Equals(a.Delimiters, b.Delimiters, StringComparison.Ordinal))
        {
            return hard;
        }

        var keyValue = a.NonEmpty > 1 || b.NonEmpty > 1;
        var cost = 0;
        for (var k = 0; k < a.Segments.Length; k++)
        {
            if ((wildcardsAreFree && a.Kinds[k] == SegmentKind.Wildcard) ||
                string.Equals(a.Segments[k], b.Segments[k], StringComparison.Ordinal))
            {
                continue;
            }

            var ka = a.Kinds[k];
            var kb = b.Kinds[k];
            if (ka == SegmentKind.Capitals || kb == SegmentKind.Capitals)
            {
                return hard;
            }

            if (ka == SegmentKind.Word || kb == SegmentKind.Word)
            {
                // A word next to a key (mode=fast) is a setting that names the event; alone it may be a name.
                if (keyValue)
                {
                    return hard;
                }

                cost += 2;
            }
            else
            {
                cost++;
            }
        }

        return cost;
    }

    private bool IsLetterless(int token)
    {
        foreach (var c in _tokenText[token].Replace(TokenMasker.Wildcard, string.Empty, StringComparison.Ordinal))
        {
            if (char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    private static SegmentKind WholeKind(TokenShape shape)
    {
        foreach (var kind in shape.Kinds)
        {
            if (kind != SegmentKind.Empty)
            {
                return kind;
            }
        }

        return SegmentKind.Empty;
    }

    private void Generalize(int index, ReadOnlySpan<int> sequence, List<int> bucket)
    {
        var template = _clusters[index].Template;
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] != sequence[i])
            {
                template[i] = template[i] == Wild ? Wild : Merge(template[i], sequence[i]);
                _clusters[index].Generalized[i] = true;
            }
        }

        // A generalised template can become equal to another of its bucket: they are one template now.
        foreach (var other in bucket)
        {
            if (other != index && _clusters[other].Parent == other && template.AsSpan().SequenceEqual(_clusters[other].Template))
            {
                Union(index, other);
            }
        }
    }

    /// <summary>The token that covers both: differing segments become variables, the shape stays.</summary>
    private int Merge(int t, int s)
    {
        if (s == Wild)
        {
            return Wild;
        }

        var a = _shapes[t];
        var b = _shapes[s];
        if (!string.Equals(a.Delimiters, b.Delimiters, StringComparison.Ordinal))
        {
            return Wild;
        }

        var builder = new System.Text.StringBuilder();
        for (var k = 0; k < a.Segments.Length; k++)
        {
            builder.Append(string.Equals(a.Segments[k], b.Segments[k], StringComparison.Ordinal) ? a.Segments[k] : TokenMasker.Wildcard);
            if (k < a.Delimiters.Length)
            {
                builder.Append(a.Delimiters[k]);
            }
        }

        return Intern(builder.ToString());
    }

    private int NewCluster(ReadOnlySpan<int> sequence)
    {
        var index = _clusters.Count;
        _clusters.Add(new Cluster(index, sequence.ToArray()));
        var key = BucketKey(sequence);
        if (!_buckets.TryGetValue(key, out var bucket))
        {
            bucket = [];
            _buckets.Add(key, bucket);
        }

        bucket.Add(index);
        return index;
    }

    private int Root(int cluster)
    {
        while (_clusters[cluster].Parent != cluster)
        {
            var parent = _clusters[cluster].Parent;
            _clusters[cluster].Parent = _clusters[parent].Parent;
            cluster = parent;
        }

        return cluster;
    }

    private void Union(int keep, int other)
    {
        var a = Root(keep);
        var b = Root(other);
        if (a == b)
        {
            return;
        }

        if (b < a)
        {
            (a, b) = (b, a);
        }

        _clusters[b].Parent = a;
    }

    /// <summary>
    /// Settles the final templates from the clusters and the distinct token sequences they hold (no line is
    /// read again). A position that became variable but saw at most <see cref="MaxEnumValues"/> distinct
    /// unmasked values is an enumeration that names the event (<c>stored as bytes</c> / <c>as values</c>), so the
    /// cluster is split by it. Templates with the same text are one template.
    /// </summary>
    private void Refresh()
    {
        if (_templates is not null)
        {
            return;
        }

        var members = new Dictionary<int, List<int>>();
        for (var s = 0; s < _skeletons.Count; s++)
        {
            var root = Root(_skeletonCluster[s]);
            if (!members.TryGetValue(root, out var list))
            {
                list = [];
                members.Add(root, list);
            }

            list.Add(s);
        }

        _finalOfSkeleton = new int[_skeletons.Count];
        var idOfText = new Dictionary<string, int>(StringComparer.Ordinal);
        var counts = new List<int>();
        var examples = new List<List<string>>();
        var texts = new List<string>();
        foreach (var (root, skeletons) in members.OrderBy(pair => pair.Key))
        {
            var template = _clusters[root].Template;
            var positions = EnumPositions(_clusters[root], skeletons);
            foreach (var part in Split(skeletons, positions))
            {
                var tokens = (int[])template.Clone();
                foreach (var p in positions)
                {
                    tokens[p] = _skeletons[part[0]][p];
                }

                var text = TemplateText.Render(tokens, _tokenText);
                if (!idOfText.TryGetValue(text, out var id))
                {
                    id = texts.Count;
                    idOfText.Add(text, id);
                    texts.Add(text);
                    counts.Add(0);
                    examples.Add([]);
                }

                foreach (var s in part)
                {
                    _finalOfSkeleton[s] = id;
                    counts[id] += _skeletonLines[s];
                    if (examples[id].Count < MaxExamples)
                    {
                        examples[id].Add(_skeletonExample[s]);
                    }
                }
            }
        }

        var templates = new List<MinedTemplate>(texts.Count);
        for (var id = 0; id < texts.Count; id++)
        {
            templates.Add(new MinedTemplate(id, texts[id], counts[id], examples[id]));
        }

        _templates = templates;
    }

    private List<int> EnumPositions(Cluster cluster, List<int> skeletons)
    {
        var positions = new List<int>();
        if (skeletons.Count < 2)
        {
            return positions;
        }

        var values = new HashSet<int>();
        for (var i = 0; i < cluster.Template.Length; i++)
        {
            if (!cluster.Generalized[i])
            {
                continue;
            }

            values.Clear();
            var enumeration = true;
            var allDotted = true;
            foreach (var s in skeletons)
            {
                var token = _skeletons[s][i];
                if (token == Wild || _valueLike[token])
                {
                    enumeration = false;
                    break;
                }

                allDotted &= IsDottedName(_tokenText[token]);

                values.Add(token);
                if (values.Count > MaxEnumValues)
                {
                    enumeration = false;
                    break;
                }
            }

            // Only dotted names seen (system.call.count, system.message.count): names, not words of an enumeration.
            if (enumeration && values.Count > 1 && !allDotted)
            {
                positions.Add(i);
            }
        }

        return positions;
    }

    private List<List<int>> Split(List<int> skeletons, List<int> positions)
    {
        if (positions.Count == 0)
        {
            return [skeletons];
        }

        var parts = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var s in skeletons)
        {
            var key = string.Join(',', positions.Select(p => _skeletons[s][p]));
            if (!parts.TryGetValue(key, out var part))
            {
                part = [];
                parts.Add(key, part);
            }

            part.Add(s);
        }

        return [.. parts.Values];
    }

    private sealed class Cluster(int index, int[] template)
    {
        public int Parent { get; set; } = index;

        public int[] Template { get; } = template;

        /// <summary>Positions that became variable by merging: there any value is welcome.</summary>
        public bool[] Generalized { get; } = new bool[template.Length];
    }
}
