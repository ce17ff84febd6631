using System.Runtime.CompilerServices;

namespace Outloop.Tests;

/// <summary>
/// Approved-file snapshots: <c>Verify(text, name)</c> compares the text with <c>name.approved.txt</c>
/// beside the calling test's source file. On a difference it writes <c>name.received.txt</c> there and fails;
/// approve by renaming the received file after reading it.
/// </summary>
internal static class Approvals
{
    public static void Verify(string text, string name, [CallerFilePath] string callerFile = "")
    {
        var folder = Path.GetDirectoryName(callerFile) ?? throw new InvalidOperationException("The caller's source folder is unknown.");
        var approvedPath = Path.Combine(folder, name + ".approved.txt");
        var receivedPath = Path.Combine(folder, name + ".received.txt");
        var received = Normalise(text);
        var approved = File.Exists(approvedPath) ? Normalise(File.ReadAllText(approvedPath)) : null;
        if (approved == received)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received);
        Assert.Fail(approved is null
            ? $"No approved file {approvedPath}. Read {receivedPath} and rename it to approve it."
            : $"{receivedPath} differs from {approvedPath}: {FirstDifference(approved, received)}");
    }

    private static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n') + "\n";

    private static string FirstDifference(string approved, string received)
    {
        var a = approved.Split('\n');
        var r = received.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, r.Length); i++)
        {
            var left = i < a.Length ? a[i] : "(end)";
            var right = i < r.Length ? r[i] : "(end)";
            if (left != right)
            {
                return $"line {i + 1}: approved `{left}`, received `{right}`";
            }
        }

        return "they differ only in line endings";
    }
}
