namespace Outloop.Automation.FileTemplates;

/// <summary>
/// Files written in the same shape, turned into one template: the path pattern they share (<c>*</c> where names
/// differ), the members, the text with the parts every member shares fixed and the rest as <c>{{variables}}</c>,
/// and each variable's value per member. Filling the variables with a member's values gives that member back.
/// </summary>
/// <remarks><c>Similarity</c>: The lowest line similarity (0-1) of a member to the first one.</remarks>
internal sealed record FileTemplate(
    string Id,
    string PathPattern,
    IReadOnlyList<TemplateMember> Members,
    string Text,
    IReadOnlyList<TemplateVariable> Variables,
    double Similarity)
{
    /// <summary>The template with one member's values filled in.</summary>
    public string Render(int member)
    {
        var text = Text;
        foreach (var variable in Variables)
        {
            text = text.Replace("{{" + variable.Name + "}}", variable.Values[member], StringComparison.Ordinal);
        }

        return text;
    }
}
