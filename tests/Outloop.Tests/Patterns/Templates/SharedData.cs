namespace Outloop.Tests.Patterns.Templates;

/// <summary>Finds <c>../shared/data</c> next to the repository (the folder holding Outloop.slnx).</summary>
internal static class SharedData
{
    public static string? Folder(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Outloop.slnx")))
            {
                var folder = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", name));
                return Directory.Exists(folder) ? folder : null;
            }
        }

        return null;
    }
}
