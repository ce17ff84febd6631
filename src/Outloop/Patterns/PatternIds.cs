using System.Security.Cryptography;
using System.Text;

namespace Outloop.Patterns;

/// <summary>
/// Deterministic pattern ids: the kind, a dash, and 10 hex digits of SHA-256 over kind and key. The same pattern
/// found again (another backfill, more data) keeps its id, and so its status and history.
/// </summary>
internal static class PatternIds
{
    public static string Make(string kind, string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(kind + "\n" + key));
        return kind + "-" + Convert.ToHexStringLower(hash)[..10];
    }
}
