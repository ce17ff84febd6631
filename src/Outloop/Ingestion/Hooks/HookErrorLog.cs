using System.Text;
using Outloop.Storage;

namespace Outloop.Ingestion.Hooks;

/// <summary>
/// Outloop's own hook failures, one line each (time, tab, reason), appended to <c>~/.outloop/logs/hook-errors.log</c>.
/// Never written to the agent, and writing it never throws: the hook must not fail because its log cannot be written.
/// </summary>
internal sealed class HookErrorLog(string path)
{
    public string Path { get; } = path;

    public static HookErrorLog Default() => new(System.IO.Path.Combine(StoreLocation.OutloopHome(), "logs", "hook-errors.log"));

    public void Append(DateTimeOffset time, string reason)
    {
        var line = $"{StoreTime.Format(time)}\t{reason.ReplaceLineEndings(" ")}\n";
        var bytes = Encoding.UTF8.GetBytes(line);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);

                // Append mode: each line is one write at the end of the file, so concurrent hooks do not interleave.
                using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
                stream.Write(bytes);
                return;
            }
            catch (IOException)
            {
                Thread.Sleep(5);
            }
            catch (UnauthorizedAccessException)
            {
                return;
            }
        }
    }
}
