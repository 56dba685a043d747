using DbArchitect.Core.Findings;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace DbArchitect.Core.Todo.Markdown;

/// <summary>Reads one DB-PLAN or DB-ITEM checklist bullet, with its nested fields, back into the model.</summary>
internal static class TaskMarkdownParser
{
    public static PlanEntry ParsePlanEntry(ListItemBlock block, FindingArea area)
    {
        var task = ReadTask(block);
        var fields = Fields(task.Field);
        return new PlanEntry
        {
            Id = task.Id,
            Done = task.Done,
            Title = task.Field.Text,
            Area = area,
            Key = Required(task, fields, TodoLabels.Key).Text,
            TablesAffected = Optional(fields, TodoLabels.TablesAffected)?.ChildTexts() ?? [],
            MigrationStrategy = TextOf(fields, TodoLabels.MigrationStrategy),
            RollbackPlan = TextOf(fields, TodoLabels.RollbackPlan),
            PerformanceImpact = TextOf(fields, TodoLabels.PerformanceImpact),
            ItemIds = TextOf(fields, TodoLabels.ItemIds)
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        };
    }

    public static TodoItem ParseItem(ListItemBlock block)
    {
        var task = ReadTask(block);
        var fields = Fields(task.Field);
        var resolution = Optional(fields, TodoLabels.Resolution)?.Text;
        return new TodoItem
        {
            Id = task.Id,
            Done = task.Done,
            Title = task.Field.Text,
            Type = EnumOf<ChangeKind>(task, fields, TodoLabels.Type),
            Severity = EnumOf<Severity>(task, fields, TodoLabels.Severity),
            FindingKey = Required(task, fields, TodoLabels.FindingKey).Text,
            Sql = Optional(fields, TodoLabels.Sql)?.Code ?? "",
            Rollback = Optional(fields, TodoLabels.Rollback)?.Code ?? "",
            Rationale = TextOf(fields, TodoLabels.Rationale),
            Testing = TextOf(fields, TodoLabels.Testing),
            Evidence = Optional(fields, TodoLabels.Evidence)?.ChildFields()
                .Select(evidence => new Evidence(evidence.Name, evidence.Text)).ToList() ?? [],
            Creates = Optional(fields, TodoLabels.Creates)?.ChildTexts() ?? [],
            References = Optional(fields, TodoLabels.References)?.ChildTexts() ?? [],
            AlsoCovers = Optional(fields, TodoLabels.AlsoCovers)?.ChildTexts() ?? [],
            Resolution = string.IsNullOrEmpty(resolution) ? null : resolution,
        };
    }

    /// <summary>
    /// Reads <c>- [x] **DB-QA-n** text — _evidence_</c>. Evidence is the trailing emphasis after the
    /// dash; without it the whole line is the check's text.
    /// </summary>
    public static QaCheck ParseQaCheck(ListItemBlock block)
    {
        var task = ReadTask(block);
        var afterId = block.OfType<ParagraphBlock>().First().Inline!
            .SkipWhile(inline => inline is not EmphasisInline).Skip(1).ToList();
        var separator = TodoLabels.EvidenceSeparator.Trim();
        if (afterId.Count > 0 && afterId[^1] is EmphasisInline { DelimiterChar: '_', DelimiterCount: 1 } evidence
            && InlineText.Of(afterId.Take(afterId.Count - 1)).Trim() is var text
            && text.EndsWith(separator, StringComparison.Ordinal))
        {
            return new QaCheck
            {
                Id = task.Id,
                Done = task.Done,
                Text = text[..^separator.Length].TrimEnd(),
                Evidence = InlineText.Of(evidence).Trim(),
            };
        }

        return new QaCheck { Id = task.Id, Done = task.Done, Text = task.Field.Text };
    }

    /// <summary>Reads <c>- [ ] **ID** text</c>: the checkbox (x or X) and the bold ID are required.</summary>
    public static TaskBullet ReadTask(ListItemBlock block)
    {
        var field = MarkdownField.FromListItem(block);
        if (field.Checked is not { } done)
        {
            throw field.Error("expected a checklist item starting with \"- [ ]\" or \"- [x]\"");
        }

        if (string.IsNullOrEmpty(field.Lead))
        {
            throw field.Error("expected the task ID in bold after the checkbox, e.g. **DB-ITEM-1.1**");
        }

        return new TaskBullet(field.Lead, done, field);
    }

    private static Dictionary<string, MarkdownField> Fields(MarkdownField task)
    {
        var fields = new Dictionary<string, MarkdownField>(StringComparer.Ordinal);
        foreach (var field in task.ChildFields())
        {
            fields.TryAdd(field.Label, field);
        }

        return fields;
    }

    private static MarkdownField? Optional(Dictionary<string, MarkdownField> fields, string label) =>
        fields.GetValueOrDefault(MarkdownText.Normalize(label));

    private static string TextOf(Dictionary<string, MarkdownField> fields, string label) =>
        Optional(fields, label)?.Text ?? "";

    private static MarkdownField Required(
        TaskBullet task, Dictionary<string, MarkdownField> fields, string label) =>
        Optional(fields, label) ?? throw task.Field.Error($"{task.Id} has no \"{label}:\" line");

    private static TEnum EnumOf<TEnum>(
        TaskBullet task, Dictionary<string, MarkdownField> fields, string label)
        where TEnum : struct, Enum
    {
        var field = Required(task, fields, label);
        return MarkdownText.TryParseWords<TEnum>(field.Text, out var value)
            ? value
            : throw field.Error($"{task.Id}: \"{field.Text}\" is not a {label.ToLowerInvariant()} (one of: {string.Join(", ", Enum.GetValues<TEnum>().Select(MarkdownText.Words))})");
    }
}

/// <summary>A checklist bullet's ID and box, with the bullet read as a field for its title and nested lines.</summary>
internal sealed record TaskBullet(string Id, bool Done, MarkdownField Field);
