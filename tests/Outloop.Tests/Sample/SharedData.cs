namespace Outloop.Tests.Sample;

/// <summary>Finds <c>../shared/data</c> next to the repository (the folder holding Outloop.slnx).</summary>
public static class SharedData
{
    public static string? Find(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Outloop.slnx")))
            {
                var path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", relative));
                return Directory.Exists(path) ? path : null;
            }
        }

        return null;
    }
}
