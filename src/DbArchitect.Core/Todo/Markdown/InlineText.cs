using System.Text;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace DbArchitect.Core.Todo.Markdown;

/// <summary>
/// Reads Markdown inlines back as the plain text the renderer escaped. Markup a person added while
/// editing (emphasis, code spans, links) is kept as the Markdown they typed, so no words are lost.
/// </summary>
internal static class InlineText
{
    public static string Of(IEnumerable<Inline> inlines)
    {
        var text = new StringBuilder();
        foreach (var inline in inlines)
        {
            Append(text, inline);
        }

        return text.ToString();
    }

    public static string Of(LeafBlock block) => block.Inline is null ? "" : Of(block.Inline).Trim();

    private static void Append(StringBuilder text, Inline inline)
    {
        switch (inline)
        {
            case TaskList:
                break;
            case LiteralInline literal:
                text.Append(literal.Content.ToString());
                break;
            case LineBreakInline:
                text.Append('\n');
                break;
            case CodeInline code:
                var ticks = new string(code.Delimiter, code.DelimiterCount);
                text.Append(ticks).Append(code.Content).Append(ticks);
                break;
            case HtmlEntityInline entity:
                text.Append(entity.Transcoded.ToString());
                break;
            case HtmlInline html:
                text.Append(html.Tag);
                break;
            case AutolinkInline autolink:
                text.Append('<').Append(autolink.Url).Append('>');
                break;
            case EmphasisInline emphasis:
                var delimiter = new string(emphasis.DelimiterChar, emphasis.DelimiterCount);
                text.Append(delimiter).Append(Of(emphasis)).Append(delimiter);
                break;
            case LinkInline link:
                text.Append(link.IsImage ? "![" : "[").Append(Of(link)).Append("](").Append(link.Url).Append(')');
                break;
            case ContainerInline container:
                text.Append(Of(container));
                break;
            default:
                text.Append(inline);
                break;
        }
    }
}
