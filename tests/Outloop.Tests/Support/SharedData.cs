namespace Outloop.Tests.Support;

/// <summary>
/// Finds <c>../shared/data</c> beside the repository. A clone without it skips the tests that need it, saying why.
/// </summary>
internal static class SharedData
{
    public static string? Root { get; } = Find();

    public static string RepoRoot { get; } = FindRepo();

    /// <summary>The path of a folder under shared/data, or a skipped test when shared/data is absent.</summary>
    public static string Require(string relative)
    {
        if (Root is null)
        {
            Assert.Skip("../shared/data is not beside this clone; this test runs where the shared data is (CI has it).");
        }

        return Path.Combine(Root, relative);
    }

    private static string FindRepo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Outloop.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find Outloop.slnx above " + AppContext.BaseDirectory);
    }

    private static string? Find()
    {
        var data = Path.GetFullPath(Path.Combine(FindRepo(), "..", "shared", "data"));
        return Directory.Exists(data) ? data : null;
    }
}
