namespace Outloop.Sample;

/// <summary>Ids in Claude Code's shapes, drawn from one seeded generator so a seed always gives the same ids.</summary>
internal sealed class SampleIds(Random random)
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private static readonly string[] SlugWords1 = ["quiet", "radiant", "drifting", "modular", "humble", "steady", "curious", "bright", "gentle", "swift"];
    private static readonly string[] SlugWords2 = ["floating", "sprouting", "tumbling", "petting", "seeking", "wandering", "humming", "folding", "glowing", "rolling"];
    private static readonly string[] SlugWords3 = ["ocean", "music", "whisper", "thompson", "umbrella", "meadow", "lantern", "harbor", "comet", "willow"];

    public Random Random { get; } = random;

    /// <summary>A version-4 UUID, lower case, as Claude Code writes session and line ids.</summary>
    public string Uuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.NextBytes(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexStringLower(bytes);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }

    public string MessageId() => "msg_01" + Chars(22);

    public string RequestId() => "req_011C" + Chars(20);

    public string ToolUseId() => "toolu_01" + Chars(22);

    public string AgentId() => "a" + Convert.ToHexStringLower(Bytes(3))[..6];

    public string CompactAgentId() => "acompact-" + Convert.ToHexStringLower(Bytes(3));

    public string Slug() =>
        $"{Pick(SlugWords1)}-{Pick(SlugWords2)}-{Pick(SlugWords3)}";

    public string Signature() => Convert.ToBase64String(Bytes(48));

    private T Pick<T>(T[] items) => items[Random.Next(items.Length)];

    private byte[] Bytes(int count)
    {
        var bytes = new byte[count];
        Random.NextBytes(bytes);
        return bytes;
    }

    private string Chars(int count)
    {
        Span<char> chars = stackalloc char[count];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Base62[Random.Next(Base62.Length)];
        }

        return new string(chars);
    }
}
