using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Outloop.Automation.FileTemplates;
using Outloop.Storage;

namespace Outloop.Cli.Commands;

/// <summary>
/// <c>outloop templates [--since D] [--window-hours H] [--json]</c>: files agents wrote in similar shapes (2 or more
/// within 24 hours, same path shape, similar content) as templates with fixed parts and named <c>{{variables}}</c>.
/// </summary>
internal static class TemplatesCommand
{
    public static Command Create(CliConsole console)
    {
        var since = new Option<string?>("--since") { Description = "Only files written from this day on (YYYY-MM-DD or YYYYMMDD, local time)" };
        var window = new Option<double?>("--window-hours") { Description = "Members are written within this many hours of the first (default 24)" };
        var command = new Command("templates", "File templates mined from files agents wrote in similar shapes") { since, window, GlobalOptions.Json };
        command.SetAction(parse =>
        {
            var day = UsageCommand.ParseDate(parse.GetValue(since), "--since");
            DateTimeOffset? from = day is { } d
                ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeZoneInfo.Local.GetUtcOffset(d.ToDateTime(TimeOnly.MinValue)))
                : null;
            var options = new FileTemplateOptions { Since = from };
            if (parse.GetValue(window) is { } hours)
            {
                options = options with { Window = TimeSpan.FromHours(hours) };
            }

            using var store = StoreFactory.OpenSqlite(parse);
            var files = new SqliteWrittenFiles(store).Since(from).ToList();
            var templates = FileTemplateMiner.Mine(files, options);
            if (parse.GetValue(GlobalOptions.Json))
            {
                WriteJson(console.Out, templates, files.Count);
            }
            else
            {
                WriteText(console.Out, templates, files.Count, options);
            }

            return 0;
        });
        return command;
    }

    internal static void WriteText(TextWriter output, IReadOnlyList<FileTemplate> templates, int files, FileTemplateOptions options)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{templates.Count} template(s) from {files} written file(s): {options.MinMembers}+ files within {options.Window.TotalHours:0.#} h, same path shape, line similarity >= {options.MinSimilarity:0.##}."));
        foreach (var t in templates)
        {
            output.WriteLine();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{t.Id}  {t.PathPattern}  ({t.Members.Count} files, similarity {t.Similarity:0.00})"));
            output.WriteLine("  members:");
            foreach (var m in t.Members)
            {
                output.WriteLine($"    {m.At.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}  {Short(m.SessionId, 8)}  {m.Path}");
            }

            output.WriteLine("  variables:");
            foreach (var v in t.Variables)
            {
                output.WriteLine($"    {{{{{v.Name}}}}}: {string.Join(" | ", v.Values.Select(Quote))}");
            }

            output.WriteLine("  template:");
            foreach (var line in t.Text.Split('\n'))
            {
                output.WriteLine("    | " + line);
            }
        }
    }

    /// <summary>
    /// <c>{"files": N, "templates": [{"id", "pathPattern", "similarity", "members": [{"path", "session", "at"}], "text",
    /// "variables": [{"name", "values": [one per member]}]}]}</c>.
    /// </summary>
    internal static void WriteJson(TextWriter output, IReadOnlyList<FileTemplate> templates, int files)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("files", files);
            w.WriteStartArray("templates");
            foreach (var t in templates)
            {
                w.WriteStartObject();
                w.WriteString("id", t.Id);
                w.WriteString("pathPattern", t.PathPattern);
                w.WriteNumber("similarity", t.Similarity);
                w.WriteStartArray("members");
                foreach (var m in t.Members)
                {
                    w.WriteStartObject();
                    w.WriteString("path", m.Path);
                    w.WriteString("session", m.SessionId);
                    w.WriteString("at", StoreTime.Format(m.At));
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteString("text", t.Text);
                w.WriteStartArray("variables");
                foreach (var v in t.Variables)
                {
                    w.WriteStartObject();
                    w.WriteString("name", v.Name);
                    w.WriteStartArray("values");
                    foreach (var value in v.Values)
                    {
                        w.WriteStringValue(value);
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static string Short(string text, int length) => text.Length <= length ? text : text[..length];

    private static string Quote(string value)
    {
        var flat = value.Replace("\n", "\\n", StringComparison.Ordinal);
        return "\"" + (flat.Length <= 60 ? flat : flat[..57] + "...") + "\"";
    }
}
