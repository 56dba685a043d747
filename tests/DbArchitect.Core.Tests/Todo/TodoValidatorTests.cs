using DbArchitect.Core.Findings;
using DbArchitect.Core.Todo;
using DbArchitect.Core.Validation;

namespace DbArchitect.Core.Tests.Todo;

public sealed class TodoValidatorTests
{
    private const string CommentOnly = "-- VACUUM cannot be undone\n/* nothing /* nested */ to do */";

    private static readonly ValidationContext Context = new()
    {
        Scripts = new KnownScripts(CommentOnly),
        KnownObjects = new HashSet<string>(StringComparer.Ordinal) { "public.orders", "\"Sales\".\"Order Items\"" },
        RequiredFindingKeys = ["missing-pk:\"Sales\".\"Order Items\""],
    };

    private readonly TodoValidator _validator = new();

    [Fact]
    public async Task Rich_document_is_valid_and_says_the_sql_check_was_skipped()
    {
        var result = await ValidateAsync(SampleTodo.Rich());

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Single(result.Skipped);
    }

    [Fact]
    public async Task Badly_formed_id_is_reported_by_schema_and_rule_at_that_id()
    {
        var document = SampleTodo.Rich();
        document = document with { QualityChecklist = [document.QualityChecklist[0] with { Id = "DB-QA-01" }] };

        var result = await ValidateAsync(document);

        Assert.NotEmpty(result.Errors);
        Assert.All(result.Errors, error => Assert.Equal("DB-QA-01", error.Location));
        Assert.Contains(result.Errors, error => error.Message.Contains("(at /qualityChecklist/0/id)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Duplicate_item_ids_are_reported()
    {
        var document = SampleTodo.Rich();
        document = document with { Items = [.. document.Items, document.Items[2] with { FindingKey = "other:x" }] };

        var error = Assert.Single((await ValidateAsync(document)).Errors);

        Assert.Equal("DB-ITEM-3.2", error.Location);
        Assert.Contains("share this ID", error.Message);
    }

    [Fact]
    public async Task Plan_entry_listing_a_missing_item_is_reported_at_the_plan_entry()
    {
        var document = SampleTodo.Rich();
        document = document with { Plan = [document.Plan[0] with { ItemIds = ["DB-ITEM-1.1", "DB-ITEM-1.9"] }, document.Plan[1]] };

        var error = Assert.Single((await ValidateAsync(document)).Errors);

        Assert.Equal(new ValidationError("DB-PLAN-1.1", "lists DB-ITEM-1.9, which is not among the Database Items"), error);
    }

    [Fact]
    public async Task Item_in_no_plan_entry_or_in_two_is_reported_at_the_item()
    {
        var document = SampleTodo.Rich();
        var orphaned = document with { Plan = [document.Plan[0] with { ItemIds = [] }, document.Plan[1]] };
        var twice = document with { Plan = [document.Plan[0] with { ItemIds = ["DB-ITEM-1.1", "DB-ITEM-3.1"] }, document.Plan[1]] };

        var orphanError = (await ValidateAsync(orphaned)).Errors;
        var twiceError = (await ValidateAsync(twice)).Errors;

        Assert.Contains(orphanError, error => error.Location == "DB-ITEM-1.1" && error.Message.StartsWith("belongs to no plan entry", StringComparison.Ordinal));
        Assert.Contains(twiceError, error => error.Location == "DB-ITEM-3.1" && error.Message.Contains("DB-PLAN-1.1, DB-PLAN-3.1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Id_whose_area_number_differs_from_its_area_is_reported()
    {
        var document = SampleTodo.Rich();
        document = document with { Plan = [document.Plan[0] with { Area = FindingArea.DataIntegrity }, document.Plan[1]] };

        var errors = (await ValidateAsync(document)).Errors;

        Assert.Contains(errors, error => error.Location == "DB-PLAN-1.1" && error.Message.Contains("DB-PLAN-6.y", StringComparison.Ordinal));
        Assert.Contains(errors, error => error.Location == "DB-ITEM-1.1" && error.Message.Contains("DB-ITEM-6.y", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Item_without_sql_or_rollback_is_reported()
    {
        var document = SampleTodo.Rich();
        document = document with { Items = [document.Items[0] with { Sql = " ", Rollback = "" }, .. document.Items.Skip(1)] };

        var errors = (await ValidateAsync(document)).Errors;

        Assert.Contains(errors, error => error.Location == "DB-ITEM-1.1" && error.Message.StartsWith("has no DDL/DML", StringComparison.Ordinal));
        Assert.Contains(errors, error => error.Location == "DB-ITEM-1.1" && error.Message.StartsWith("has no rollback", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Comment_only_rollback_is_accepted_for_maintenance_and_rejected_otherwise()
    {
        var document = SampleTodo.Rich();
        const string comment = CommentOnly;
        document = document with
        {
            Items = [document.Items[0] with { Rollback = comment }, document.Items[1], document.Items[2] with { Rollback = comment }],
        };

        var error = Assert.Single((await ValidateAsync(document)).Errors);

        Assert.Equal("DB-ITEM-1.1", error.Location);
        Assert.StartsWith("rollback is only a comment", error.Message);
    }

    [Fact]
    public async Task Reference_to_an_object_that_neither_exists_nor_is_created_is_reported()
    {
        var document = SampleTodo.Rich();
        document = document with
        {
            Items =
            [
                document.Items[0],
                document.Items[1] with { Done = false, References = ["public.orders", "\"Sales\".\"Order Items\".id", "public.ghosts"] },
                document.Items[2],
            ],
        };

        var error = Assert.Single((await ValidateAsync(document)).Errors);

        Assert.Equal(new ValidationError("DB-ITEM-3.1", "refers to public.ghosts, which does not exist on the target and no item creates it"), error);
    }

    [Fact]
    public async Task Required_finding_without_an_item_is_reported()
    {
        var context = Context with { RequiredFindingKeys = ["missing-pk:public.ghosts"] };

        var error = Assert.Single((await _validator.ValidateAsync(SampleTodo.Rich(), context, CancellationToken.None)).Errors);

        Assert.Equal("finding missing-pk:public.ghosts", error.Location);
    }

    [Fact]
    public async Task Ticked_qa_check_without_evidence_is_reported()
    {
        var document = SampleTodo.Rich();
        document = document with { QualityChecklist = [document.QualityChecklist[0] with { Evidence = null }] };

        var error = Assert.Single((await ValidateAsync(document)).Errors);

        Assert.Equal("DB-QA-1", error.Location);
    }

    [Fact]
    public async Task Sql_blocks_go_to_the_checker_and_its_rejections_are_located_at_the_item()
    {
        var document = SampleTodo.Rich();
        document = document with { Items = [document.Items[0], document.Items[1] with { Done = false, Rollback = "DROP INDX oops;" }, document.Items[2]] };
        var checker = new RejectingChecker("INDX");

        var result = await _validator.ValidateAsync(document, Context with { SqlChecker = checker }, CancellationToken.None);

        Assert.Equal(3, checker.Seen.Count);
        Assert.Contains(checker.Seen, block => block.Sql.Contains("CREATE INDEX CONCURRENTLY", StringComparison.Ordinal) && block.Sql.EndsWith("DROP INDX oops;", StringComparison.Ordinal));
        Assert.Empty(result.Skipped);
        var error = Assert.Single(result.Errors);
        Assert.Equal("DB-ITEM-3.1", error.Location);
        Assert.StartsWith("DB-ITEM-3.1 change then rollback is rejected by the server", error.Message);
    }

    [Fact]
    public async Task Done_items_are_history_and_are_neither_sql_checked_nor_held_to_existing_objects()
    {
        var document = SampleTodo.Rich();
        document = document with { Items = [document.Items[0], document.Items[1] with { References = ["public.dropped_long_ago"], Rollback = "DROP INDX oops;" }, document.Items[2]] };
        var checker = new RejectingChecker("INDX");

        var result = await _validator.ValidateAsync(document, Context with { SqlChecker = checker }, CancellationToken.None);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.DoesNotContain(checker.Seen, block => block.Origin.StartsWith("DB-ITEM-3.1", StringComparison.Ordinal));
    }

    private Task<ValidationResult> ValidateAsync(TodoDocument document) =>
        _validator.ValidateAsync(document, Context, CancellationToken.None);

    /// <summary>Stands in for the server: rejects blocks containing a marker, and remembers what it saw.</summary>
    private sealed class RejectingChecker(string marker) : ISqlChecker
    {
        public List<SqlBlock> Seen { get; } = [];

        public Task<IReadOnlyList<SqlCheckError>> CheckAsync(IReadOnlyList<SqlBlock> blocks, CancellationToken cancellationToken)
        {
            Seen.AddRange(blocks);
            IReadOnlyList<SqlCheckError> errors = blocks
                .Where(block => block.Sql.Contains(marker, StringComparison.Ordinal))
                .Select(block => new SqlCheckError(block.Origin, "syntax error at or near \"INDX\""))
                .ToList();
            return Task.FromResult(errors);
        }
    }
}
