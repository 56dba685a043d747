using Google.OrTools.Sat;

namespace DbArchitect.Postgres.Advisor.Selection;

/// <summary>
/// Solves <see cref="SelectionProblem"/> exactly with CP-SAT: a boolean per candidate, a boolean
/// per (slot, candidate) pair that may be true only when the candidate is chosen, at most one per
/// slot, budgets as linear constraints, and the objective "savings served minus upkeep". Values
/// are scaled to integers, as CP-SAT requires. Falls back to greedy when the time limit ends the
/// search without a solution or the native solver cannot load.
/// </summary>
internal static class CpSatSelector
{
    private const double Resolution = 1_000_000_000;

    public static Selection Select(SelectionProblem problem, TimeSpan timeLimit)
    {
        try
        {
            return Solve(problem, timeLimit) ?? GreedySelector.Select(problem) with { Method = "greedy (cp-sat found no solution in time)" };
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or BadImageFormatException)
        {
            return GreedySelector.Select(problem) with { Method = $"greedy (cp-sat unavailable: {e.GetType().Name})" };
        }
    }

    private static Selection? Solve(SelectionProblem problem, TimeSpan timeLimit)
    {
        var total = problem.Benefits.Sum(b => b.Value) + problem.Penalties.Sum();
        if (total <= 0)
        {
            return new Selection([], "cp-sat (optimal)");
        }

        var scale = Resolution / total;
        var model = new CpModel();
        var chosen = Enumerable.Range(0, problem.CandidateCount).Select(i => model.NewBoolVar($"x{i}")).ToArray();
        var objective = LinearExpr.NewBuilder();
        foreach (var slot in problem.Benefits.GroupBy(b => b.Slot))
        {
            var serves = new List<ILiteral>();
            foreach (var benefit in slot)
            {
                var serve = model.NewBoolVar($"y{slot.Key}_{benefit.Candidate}");
                model.AddImplication(serve, chosen[benefit.Candidate]);
                serves.Add(serve);
                objective.AddTerm(serve, (long)Math.Round(benefit.Value * scale));
            }

            model.AddAtMostOne(serves);
        }

        for (var i = 0; i < chosen.Length; i++)
        {
            // At least one unit of upkeep, so an index that serves nothing is never chosen on a tie.
            objective.AddTerm(chosen[i], -Math.Max(1, (long)Math.Round(problem.Penalties[i] * scale)));
        }

        if (problem.MaxIndexes is { } count)
        {
            model.Add(LinearExpr.Sum(chosen) <= count);
        }

        if (problem.StorageBudgetBytes is { } bytes)
        {
            model.Add(LinearExpr.WeightedSum(chosen, problem.Bytes) <= bytes);
        }

        model.Maximize(objective);
        // CP-SAT would install its own SIGINT handler and leave the default one behind: Ctrl+C then
        // killed the process outright, its scratch servers still running. The time limit bounds it instead.
        var solver = new CpSolver { StringParameters = FormattableString.Invariant($"max_time_in_seconds:{timeLimit.TotalSeconds};num_workers:4;random_seed:1;catch_sigint_signal:false") };
        var status = solver.Solve(model);
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            return null;
        }

        var picked = Enumerable.Range(0, chosen.Length).Where(i => solver.BooleanValue(chosen[i])).ToList();
        var solved = new Selection(picked, status == CpSolverStatus.Optimal ? "cp-sat (optimal)" : "cp-sat (feasible, time limit)");

        // A feasible answer cut short by the limit may be worse than greedy's; keep the better one.
        var greedy = GreedySelector.Select(problem);
        return status == CpSolverStatus.Feasible && problem.Value(greedy.Chosen) > problem.Value(solved.Chosen) ? greedy with { Method = "greedy (better than cp-sat's time-limited answer)" } : solved;
    }
}
