using System.Globalization;
using System.Text.Json.Nodes;

namespace Outloop.Bench;

/// <summary>
/// <c>codex-corpus --out DIR --copies N [--repeat K] [--from DIR]</c> multiplies real Codex rollouts into a corpus:
/// every copy gets a fresh thread id (file name and session_meta); <c>--repeat K</c> makes each copy K turns long by
/// repeating the body with cumulative token totals that keep growing, so the tokens of a copy are known exactly.
/// </summary>
internal static class CodexCorpusCommand
{
    public static int Run(string[] args, TextWriter output)
    {
        var options = new BenchArgs(args);
        var source = options.Get("from") ?? "../shared/data/codex";
        var target = options.Required("out");
        var copies = options.Int("copies", 100);
        var repeat = options.Int("repeat", 1);
        var files = Directory.GetFiles(source, "rollout-*.jsonl", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Directory.CreateDirectory(target);
        long bytes = 0;
        var written = 0;
        for (var copy = 0; copy < copies; copy++)
        {
            foreach (var file in files)
            {
                var oldId = Path.GetFileNameWithoutExtension(file)[^36..];
                var newId = Guid.CreateVersion7().ToString();
                var name = Path.GetFileName(file).Replace(oldId, newId, StringComparison.Ordinal);
                var folder = Path.Combine(target, (copy % 100).ToString("00", CultureInfo.InvariantCulture));
                Directory.CreateDirectory(folder);
                var path = Path.Combine(folder, name);
                using (var writer = new StreamWriter(path))
                {
                    var lines = File.ReadAllLines(file);
                    long[] last = [0, 0, 0];
                    long[] offset = [0, 0, 0];
                    for (var round = 0; round < repeat; round++)
                    {
                        foreach (var line in lines)
                        {
                            if (round > 0 && line.Contains("\"type\":\"session_meta\"", StringComparison.Ordinal))
                            {
                                continue;
                            }

                            var text = line.Replace(oldId, newId, StringComparison.Ordinal);
                            if (line.Contains("\"total_token_usage\"", StringComparison.Ordinal))
                            {
                                var node = JsonNode.Parse(text)!;
                                var total = node["payload"]!["info"]!["total_token_usage"]!;
                                string[] keys = ["input_tokens", "cached_input_tokens", "output_tokens"];
                                for (var k = 0; k < keys.Length; k++)
                                {
                                    var value = total[keys[k]]!.GetValue<long>();
                                    last[k] = value;
                                    total[keys[k]] = value + offset[k];
                                }

                                text = node.ToJsonString();
                            }

                            writer.WriteLine(text);
                        }

                        for (var k = 0; k < 3; k++)
                        {
                            offset[k] += last[k];
                        }
                    }
                }

                bytes += new FileInfo(path).Length;
                written++;
            }
        }

        output.WriteLine($"wrote {written} rollouts, {bytes / 1e6:0.0} MB (10^6 bytes) under {target}");
        return 0;
    }
}
