namespace Outloop.Ingestion.Redaction;

/// <summary>Replaced by the redaction work on the hooks branch; kept so the importer builds meanwhile.</summary>
internal static class SecretRedactor
{
    public static string Redact(string text) => text;
}
