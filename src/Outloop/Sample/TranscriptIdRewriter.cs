using System.Buffers;

namespace Outloop.Sample;

/// <summary>
/// Gives one copy of Claude Code transcripts fresh ids, in place and without changing any length, so a copy can be
/// streamed chunk by chunk in constant memory. Every id is mapped by a fixed per-position shift of its characters,
/// a bijection: the same source id always gets the same new id within a copy (tool_use ids still pair with their
/// tool_result, lines of one response still share message.id and requestId, parentUuid chains stay intact), every
/// character changes (no source id survives), and different copies use different shifts.
/// <list type="bullet">
/// <item>UUIDs (lower-case, 8-4-4-4-12): sessionId, uuid, parentUuid, messageId, toolUseID, leafUuid… anywhere in the
/// line, also inside text. The version and variant digits are kept so the result is still a v4 UUID.</item>
/// <item>Anthropic ids <c>msg_01…</c>, <c>req_011…</c>, <c>toolu_01…</c> (any <c>_01</c> followed by 18+ letters or
/// digits), also inside <c>agent_msg_01…</c>.</item>
/// <item>Agent ids after <c>agentId":"</c> or <c>agentId: </c>, and in <c>agent-&lt;id&gt;.jsonl</c> file names.</item>
/// <item>Dates of <c>"timestamp"</c> and <c>"backupTime"</c> values move by whole days.</item>
/// </list>
/// </summary>
internal sealed class TranscriptIdRewriter
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const int MinAnthropicIdTail = 18;

    private static readonly SearchValues<byte> Triggers = SearchValues.Create("-_"u8);
    private static readonly sbyte[] Base62Index = BuildBase62Index();

    private readonly byte[] uuidShift = new byte[32];
    private readonly byte[] idShift = new byte[64];
    private readonly byte[] agentShift = new byte[32];
    private readonly int days;
    private readonly byte[]? fixedSessionId;
    private int cachedDateKey = -1;
    private readonly byte[] cachedDate = new byte[10];

    /// <param name="seed">The corpus seed.</param>
    /// <param name="copy">The copy number; each copy gets its own shifts.</param>
    /// <param name="days">Days added to every timestamp.</param>
    /// <param name="fixedSessionId">When set, every <c>"sessionId"</c> value becomes this id (one big session).</param>
    public TranscriptIdRewriter(int seed, int copy, int days, string? fixedSessionId = null)
    {
        var random = new Random(unchecked((seed * 7919) + copy));
        for (var i = 0; i < uuidShift.Length; i++)
        {
            // Digit 12 is the UUID version and digit 16 the variant: keep them.
            uuidShift[i] = i is 12 or 16 ? (byte)0 : (byte)random.Next(1, 16);
        }

        for (var i = 0; i < idShift.Length; i++)
        {
            idShift[i] = (byte)random.Next(1, 62);
        }

        for (var i = 0; i < agentShift.Length; i++)
        {
            agentShift[i] = (byte)random.Next(1, 16);
        }

        this.days = days;
        if (fixedSessionId is not null)
        {
            this.fixedSessionId = System.Text.Encoding.ASCII.GetBytes(fixedSessionId);
            if (this.fixedSessionId.Length != 36)
            {
                throw new ArgumentException("A session id is a 36-character UUID.", nameof(fixedSessionId));
            }
        }
    }

    /// <summary>Rewrites whole lines in place. The span must not end inside a line.</summary>
    public void Rewrite(Span<byte> data)
    {
        var i = 0;
        while (i < data.Length)
        {
            var found = data[i..].IndexOfAny(Triggers);
            if (found < 0)
            {
                break;
            }

            var at = i + found;
            i = data[at] == (byte)'-' ? AtDash(data, at) : AtUnderscore(data, at);
        }

        RewriteAgentIds(data);
    }

    /// <summary>The copy's name for a file or folder: a UUID, <c>agent-&lt;id&gt;.jsonl</c> or <c>&lt;uuid&gt;.jsonl</c>.</summary>
    public string RewriteName(string name)
    {
        if (name.StartsWith("agent-", StringComparison.Ordinal) && name.EndsWith(".jsonl", StringComparison.Ordinal))
        {
            var id = System.Text.Encoding.ASCII.GetBytes(name["agent-".Length..^".jsonl".Length]);
            ShiftAgentId(id);
            return "agent-" + System.Text.Encoding.ASCII.GetString(id) + ".jsonl";
        }

        var bytes = System.Text.Encoding.UTF8.GetBytes(name);
        var stem = name.EndsWith(".jsonl", StringComparison.Ordinal) ? bytes.Length - ".jsonl".Length : bytes.Length;
        if (stem == 36 && IsUuid(bytes, 0))
        {
            ShiftUuid(bytes.AsSpan(0, 36));
            return System.Text.Encoding.UTF8.GetString(bytes);
        }

        return name;
    }

    private int AtDash(Span<byte> data, int dash)
    {
        var start = dash - 8;
        // No word-boundary check: an id inside text (after "\n", in a path) must map like everywhere else.
        if (start >= 0 && start + 36 <= data.Length && IsUuid(data, start))
        {
            var uuid = data.Slice(start, 36);
            if (fixedSessionId is not null && data[..start].EndsWith("\"sessionId\":\""u8))
            {
                fixedSessionId.CopyTo(uuid);
            }
            else
            {
                ShiftUuid(uuid);
            }

            return start + 36;
        }

        if (days != 0 && dash >= 5 && dash + 6 < data.Length && data[dash + 3] == (byte)'-' && data[dash + 6] == (byte)'T'
            && IsDigits(data.Slice(dash - 4, 4)) && IsDigits(data.Slice(dash + 1, 2)) && IsDigits(data.Slice(dash + 4, 2))
            && (data[..(dash - 4)].EndsWith("\"timestamp\":\""u8) || data[..(dash - 4)].EndsWith("\"backupTime\":\""u8)))
        {
            ShiftDate(data.Slice(dash - 4, 10));
            return dash + 6;
        }

        return dash + 1;
    }

    private int AtUnderscore(Span<byte> data, int underscore)
    {
        var tail = underscore + 3;
        if (tail > data.Length || data[underscore + 1] != (byte)'0' || data[underscore + 2] != (byte)'1')
        {
            return underscore + 1;
        }

        var end = tail;
        while (end < data.Length && Base62Index[data[end]] >= 0)
        {
            end++;
        }

        if (end - tail < MinAnthropicIdTail)
        {
            return underscore + 1;
        }

        for (var i = tail; i < end; i++)
        {
            data[i] = (byte)Base62[(Base62Index[data[i]] + idShift[(i - tail) & 63]) % 62];
        }

        return end;
    }

    private void RewriteAgentIds(Span<byte> data)
    {
        var i = 0;
        while (i < data.Length)
        {
            var found = data[i..].IndexOf("agentId"u8);
            if (found < 0)
            {
                return;
            }

            var at = i + found + "agentId".Length;
            if (data[at..].StartsWith("\":\""u8))
            {
                at += 3;
            }
            else if (data[at..].StartsWith(": "u8))
            {
                at += 2;
            }
            else
            {
                i = at;
                continue;
            }

            var end = at;
            while (end < data.Length && IsAgentIdByte(data[end]))
            {
                end++;
            }

            ShiftAgentId(data[at..end]);
            i = end;
        }
    }

    private void ShiftAgentId(Span<byte> id)
    {
        for (var i = 0; i < id.Length; i++)
        {
            var value = HexValue(id[i]);
            if (value >= 0)
            {
                id[i] = HexDigit((value + agentShift[i & 31]) & 15);
            }
        }
    }

    private void ShiftUuid(Span<byte> uuid)
    {
        var digit = 0;
        for (var i = 0; i < 36; i++)
        {
            if (i is 8 or 13 or 18 or 23)
            {
                continue;
            }

            uuid[i] = HexDigit((HexValue(uuid[i]) + uuidShift[digit++]) & 15);
        }
    }

    private void ShiftDate(Span<byte> date)
    {
        // Timestamps of one file share few dates: remember the last one.
        var key = ((((date[0] - '0') * 1000) + ((date[1] - '0') * 100) + ((date[2] - '0') * 10) + (date[3] - '0')) * 10000)
            + ((((date[5] - '0') * 10) + (date[6] - '0')) * 100) + ((date[8] - '0') * 10) + (date[9] - '0');
        if (key != cachedDateKey)
        {
            var shifted = new DateOnly(key / 10000, key / 100 % 100, key % 100).AddDays(days);
            shifted.TryFormat(cachedDate, out _, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            cachedDateKey = key;
        }

        cachedDate.CopyTo(date);
    }

    private static bool IsUuid(ReadOnlySpan<byte> data, int start)
    {
        for (var i = 0; i < 36; i++)
        {
            var b = data[start + i];
            if (i is 8 or 13 or 18 or 23 ? b != (byte)'-' : HexValue(b) < 0)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDigits(ReadOnlySpan<byte> span)
    {
        foreach (var b in span)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAgentIdByte(byte b) => b is (>= (byte)'0' and <= (byte)'9') or (>= (byte)'a' and <= (byte)'z') or (byte)'-';

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        _ => -1,
    };

    private static byte HexDigit(int value) => (byte)(value < 10 ? '0' + value : 'a' + value - 10);

    private static sbyte[] BuildBase62Index()
    {
        var index = new sbyte[256];
        Array.Fill(index, (sbyte)-1);
        for (var i = 0; i < Base62.Length; i++)
        {
            index[Base62[i]] = (sbyte)i;
        }

        return index;
    }
}
