namespace Outloop.Automation.FileTemplates;

/// <summary>A named hole of a template (<c>{{Name}}</c>) and its value in each member, in the members' order.</summary>
internal sealed record TemplateVariable(string Name, IReadOnlyList<string> Values);
