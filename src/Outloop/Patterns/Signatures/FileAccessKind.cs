namespace Outloop.Patterns.Signatures;

/// <summary>How an operation touches the files it names.</summary>
internal enum FileAccessKind
{
    /// <summary>Reads file contents (Read, cat, sed -n, open).</summary>
    Read,

    /// <summary>Creates, changes, moves or deletes files (Write, Edit, sed -i, &gt; file, rm).</summary>
    Write,

    /// <summary>Searches names or contents, or lists folders (Grep, Glob, find, ls).</summary>
    Search,
}
