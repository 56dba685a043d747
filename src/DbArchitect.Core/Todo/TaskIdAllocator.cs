namespace DbArchitect.Core.Todo;

/// <summary>
/// Hands out the next free DB-PLAN/DB-ITEM number per area: one above the highest the existing
/// document ever used there, so an ID once written never comes back for something else.
/// </summary>
internal sealed class TaskIdAllocator
{
    private readonly Dictionary<(string Prefix, int Area), int> _highest = [];

    public TaskIdAllocator(TodoDocument existing)
    {
        foreach (var id in existing.Plan.Select(entry => entry.Id))
        {
            Reserve(TodoIds.PlanPrefix, id);
        }

        foreach (var id in existing.Items.Select(item => item.Id))
        {
            Reserve(TodoIds.ItemPrefix, id);
        }
    }

    public string Next(string prefix, int areaNumber)
    {
        var sequence = _highest.GetValueOrDefault((prefix, areaNumber)) + 1;
        _highest[(prefix, areaNumber)] = sequence;
        return TodoIds.Format(prefix, areaNumber, sequence);
    }

    private void Reserve(string prefix, string id)
    {
        if (id.StartsWith(prefix, StringComparison.Ordinal) && TodoIds.TryParseSequenced(id, out var area, out var sequence))
        {
            _highest[(prefix, area)] = Math.Max(_highest.GetValueOrDefault((prefix, area)), sequence);
        }
    }
}
