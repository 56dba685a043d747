using DbArchitect.Postgres.Advisor.Selection;

namespace DbArchitect.Postgres.Tests.Advisor;

public sealed class IndexSelectionTests
{
    // A serves both slots moderately; B and C each serve one slot better. Greedy takes A first and
    // then cannot undo it; the optimum is B and C without A.
    private static readonly SelectionProblem Trap = new()
    {
        Penalties = [1, 1, 1],
        Bytes = [100, 100, 100],
        Benefits = [new(0, 0, 10), new(0, 1, 10), new(1, 0, 12), new(2, 1, 12)],
    };

    [Fact]
    public void Cp_sat_finds_the_optimum_where_greedy_commits_too_early()
    {
        var greedy = GreedySelector.Select(Trap);
        var solved = CpSatSelector.Select(Trap, TimeSpan.FromSeconds(5));

        Assert.Equal([0, 1, 2], greedy.Chosen.Order());
        Assert.Equal(21, Trap.Value(greedy.Chosen.ToList()));
        Assert.Equal([1, 2], solved.Chosen.Order());
        Assert.Equal(22, Trap.Value(solved.Chosen.ToList()));
        Assert.Equal("cp-sat (optimal)", solved.Method);
    }

    [Fact]
    public void Index_count_budget_is_respected_by_both()
    {
        var budget = Trap with { MaxIndexes = 1 };

        Assert.Equal([0], GreedySelector.Select(budget).Chosen);
        Assert.Equal([0], CpSatSelector.Select(budget, TimeSpan.FromSeconds(5)).Chosen);
    }

    [Fact]
    public void Storage_budget_excludes_an_index_too_large_for_it()
    {
        var budget = Trap with { Bytes = [500, 100, 100], StorageBudgetBytes = 250 };

        Assert.Equal([1, 2], CpSatSelector.Select(budget, TimeSpan.FromSeconds(5)).Chosen.Order());
        Assert.Equal([1, 2], GreedySelector.Select(budget).Chosen.Order());
    }

    [Fact]
    public void An_index_whose_upkeep_exceeds_its_saving_is_not_chosen()
    {
        var costly = new SelectionProblem { Penalties = [50], Bytes = [100], Benefits = [new(0, 0, 40)] };

        Assert.Empty(CpSatSelector.Select(costly, TimeSpan.FromSeconds(5)).Chosen);
        Assert.Empty(GreedySelector.Select(costly).Chosen);
    }
}
