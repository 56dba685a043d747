using Google.OrTools.Sat;

namespace DbArchitect.Benchmarks.Advisor;

/// <summary>
/// The cheapest combination within a byte budget when some component is too large to enumerate:
/// CP-SAT picks one point of the enumerated components' combined frontier and, for each large
/// component, a boolean per candidate and per statement exactly one of its discovered plans, a plan
/// being allowed only when every index it uses is chosen. The planner takes the cheapest plan its
/// indexes allow, so minimising picks exactly the cost each chosen set would get.
/// </summary>
internal static class BudgetedOptimum
{
    // Σ calls × cost is kept to a thousandth in CP-SAT's integers.
    private const double Scale = 1000;

    public static (IndexChoice? Choice, string Method) Solve(IReadOnlyList<IndexChoice> enumerated, IReadOnlyList<DiscoveredComponent> discovered, long budget, TimeSpan timeLimit)
    {
        var model = new CpModel();
        var objective = LinearExpr.NewBuilder();
        var bytes = LinearExpr.NewBuilder();
        var points = enumerated.Select((_, k) => model.NewBoolVar($"frontier{k}")).ToArray();
        model.AddExactlyOne(points);
        for (var k = 0; k < points.Length; k++)
        {
            objective.AddTerm(points[k], Integer(enumerated[k].Cost));
            bytes.AddTerm(points[k], enumerated[k].Bytes);
        }

        var chosen = new List<BoolVar[]>();
        var planCosts = new List<(BoolVar Takes, double Cost)>();
        foreach (var (component, c) in discovered.Select((component, c) => (component, c)))
        {
            var indexes = component.Candidates.Select((_, i) => model.NewBoolVar($"x{c}_{i}")).ToArray();
            chosen.Add(indexes);
            for (var i = 0; i < indexes.Length; i++)
            {
                bytes.AddTerm(indexes[i], component.Sizes[i]);

                // One unit of objective per index, so an index no chosen plan uses is left out.
                objective.AddTerm(indexes[i], 1);
            }

            foreach (var (statement, s) in component.Statements.Select((statement, s) => (statement, s)))
            {
                var plans = new List<ILiteral>();
                foreach (var (plan, p) in statement.Plans.Select((plan, p) => (plan, p)))
                {
                    var takes = model.NewBoolVar($"plan{c}_{s}_{p}");
                    for (var i = 0; i < indexes.Length; i++)
                    {
                        if ((plan.Used >> i & 1) == 1)
                        {
                            model.AddImplication(takes, indexes[i]);
                        }
                    }

                    objective.AddTerm(takes, Integer(statement.Calls * plan.Cost));
                    planCosts.Add((takes, statement.Calls * plan.Cost));
                    plans.Add(takes);
                }

                model.AddExactlyOne(plans);
            }
        }

        model.Add(bytes <= budget);
        model.Minimize(objective);
        var solver = new CpSolver { StringParameters = FormattableString.Invariant($"max_time_in_seconds:{timeLimit.TotalSeconds};num_workers:4;random_seed:1") };
        var status = solver.Solve(model);
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            return (null, $"cp-sat: {status}");
        }

        var point = enumerated[Array.FindIndex(points, solver.BooleanValue)];
        var indexesChosen = discovered
            .SelectMany((component, c) => component.Candidates.Where((_, i) => solver.BooleanValue(chosen[c][i])))
            .ToList();
        var bytesChosen = point.Bytes + discovered.Select((component, c) => component.Sizes.Where((_, i) => solver.BooleanValue(chosen[c][i])).Sum()).Sum();
        var cost = point.Cost + planCosts.Where(plan => solver.BooleanValue(plan.Takes)).Sum(plan => plan.Cost);
        return (new IndexChoice([.. point.Indexes, .. indexesChosen], bytesChosen, cost),
            status == CpSolverStatus.Optimal ? "cp-sat (optimal) over the discovered plans" : "cp-sat (feasible, time limit) over the discovered plans");
    }

    private static long Integer(double cost) => (long)Math.Round(cost * Scale);
}
