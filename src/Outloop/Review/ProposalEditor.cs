using System.ComponentModel;
using System.Diagnostics;

namespace Outloop.Review;

/// <summary>
/// Lets the reviewer edit a proposal's change in their editor: the text goes into a temporary file, the editor runs
/// as a child process on the terminal with that file as its last argument, and the file is read back.
/// </summary>
/// <param name="command">The editor and its own arguments, split on white space (e.g. <c>code --wait</c>).</param>
internal sealed class ProposalEditor(string command)
{
    public string Command { get; } = command;

    /// <summary>The editor of <c>$EDITOR</c>, else <c>$VISUAL</c>, else <c>vi</c>.</summary>
    public static ProposalEditor FromEnvironment() =>
        new(Set("EDITOR") ?? Set("VISUAL") ?? "vi");

    private static string? Set(string variable) => Environment.GetEnvironmentVariable(variable) is { } v && !string.IsNullOrWhiteSpace(v) ? v : null;

    /// <summary>The edited text, or an <see cref="OutloopException"/> when the editor cannot start or fails.</summary>
    public string Edit(string text, string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), "outloop-edit-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, name + ".md");
        try
        {
            File.WriteAllText(file, text.EndsWith('\n') ? text : text + "\n");
            var parts = Command.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            // A whole value that names a file is one program, even with spaces in its path.
            var (program, arguments) = File.Exists(Command.Trim()) || parts.Length == 0 ? (Command.Trim(), Array.Empty<string>()) : (parts[0], parts[1..]);
            var start = new ProcessStartInfo(program) { UseShellExecute = false };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            start.ArgumentList.Add(file);
            Process process;
            try
            {
                process = Process.Start(start) ?? throw new OutloopException($"Could not start the editor '{Command}'.");
            }
            catch (Win32Exception e)
            {
                throw new OutloopException($"Could not start the editor '{Command}': {e.Message}. Set EDITOR (or VISUAL) to an editor on the PATH.", e);
            }

            using (process)
            {
                process.WaitForExit();
                if (process.ExitCode != 0)
                {
                    throw new OutloopException($"The editor '{Command}' exited with code {process.ExitCode}; the proposal is unchanged.");
                }
            }

            return File.ReadAllText(file);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
