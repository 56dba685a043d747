namespace DbArchitect.Postgres.Advisor.Selection;

/// <summary>
/// Adds, one at a time, the candidate with the largest gain over what the set already serves,
/// while the gain is positive and the budgets hold. The fallback when CP-SAT runs out of time.
/// </summary>
internal static class GreedySelector
{
    public static Selection Select(SelectionProblem problem)
    {
        var chosen = new List<int>();
        var best = new Dictionary<int, double>();
        var bySlot = problem.Benefits.GroupBy(b => b.Candidate).ToDictionary(g => g.Key, g => g.ToList());
        while (true)
        {
            var pick = -1;
            var pickGain = 0.0;
            foreach (var (candidate, benefits) in bySlot)
            {
                if (chosen.Contains(candidate) || !problem.WithinBudgets([.. chosen, candidate]))
                {
                    continue;
                }

                var gain = benefits.Sum(b => Math.Max(0, b.Value - best.GetValueOrDefault(b.Slot))) - problem.Penalties[candidate];
                if (gain > pickGain || (gain == pickGain && pick >= 0 && gain > 0 && problem.Bytes[candidate] < problem.Bytes[pick]))
                {
                    (pick, pickGain) = (candidate, gain);
                }
            }

            if (pick < 0)
            {
                return new Selection(chosen, "greedy");
            }

            chosen.Add(pick);
            foreach (var benefit in bySlot[pick])
            {
                best[benefit.Slot] = Math.Max(best.GetValueOrDefault(benefit.Slot), benefit.Value);
            }
        }
    }
}
