using System.Globalization;

namespace DbArchitect.Core.Todo;

/// <summary>
/// Merges a freshly planned TODO into the one already on disk so that re-running keeps what people
/// rely on. Items are matched by <see cref="TodoItem.FindingKey"/> and plan entries by
/// <see cref="PlanEntry.Key"/>: a match keeps its ID and its ticked box (the content is the fresh
/// one). New findings get the next free number in their area. Items whose finding has disappeared
/// stay, ticked, with a resolution that says since when; if such a finding comes back, its item is
/// opened again — unless the run could not have seen it (<c>unmeasured</c>: a table the role may
/// not read, a hidden setting): such an item stays as it was. A plan entry with items is done
/// exactly when all its items are.
/// </summary>
public static class TodoMerger
{
    private const string NoLongerPresent = "finding no longer present on ";

    public static TodoDocument Merge(TodoDocument? existing, TodoDocument fresh, DateOnly today, Func<TodoItem, bool>? unmeasured = null)
    {
        if (existing is null)
        {
            return fresh;
        }

        var ids = new TaskIdAllocator(existing);
        var (items, freshToMerged, leftovers) = MergeItems(existing, fresh, ids, today, unmeasured ?? (_ => false));
        var plan = MergePlan(existing, fresh, ids, items, freshToMerged, leftovers);
        return fresh with { Plan = plan, Items = items };
    }

    private static (List<TodoItem> Items, Dictionary<string, string> FreshToMerged, HashSet<string> Leftovers) MergeItems(
        TodoDocument existing, TodoDocument fresh, TaskIdAllocator ids, DateOnly today, Func<TodoItem, bool> unmeasured)
    {
        var unmatched = existing.Items.GroupBy(item => item.FindingKey, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);
        var areaOfFreshItem = AreaNumberOfItems(fresh.Plan);
        var freshToMerged = new Dictionary<string, string>(StringComparer.Ordinal);
        var merged = new List<TodoItem>();
        foreach (var item in fresh.Items)
        {
            var result = unmatched.Remove(item.FindingKey, out var previous)
                ? Keep(item, previous)
                : item with { Id = ids.Next(TodoIds.ItemPrefix, AreaNumberOf(item, areaOfFreshItem)) };
            freshToMerged.TryAdd(item.Id, result.Id);
            merged.Add(result);
        }

        var freshKeys = fresh.Items.SelectMany(item => item.AlsoCovers.Prepend(item.FindingKey)).ToHashSet(StringComparer.Ordinal);
        var mergedIds = merged.Select(item => item.Id).ToHashSet(StringComparer.Ordinal);
        var leftovers = existing.Items.Where(item => !mergedIds.Contains(item.Id)).ToList();
        merged.AddRange(leftovers.Select(item => freshKeys.Contains(item.FindingKey) || item.Done || unmeasured(item) ? item : Resolve(item, today)));
        return (SortById(merged, item => item.Id), freshToMerged, leftovers.Select(item => item.Id).ToHashSet(StringComparer.Ordinal));
    }

    private static TodoItem Keep(TodoItem fresh, TodoItem previous)
    {
        var reappeared = previous.Done && previous.Resolution?.StartsWith(NoLongerPresent, StringComparison.Ordinal) == true;
        return reappeared
            ? fresh with { Id = previous.Id }
            : fresh with { Id = previous.Id, Done = previous.Done || fresh.Done, Resolution = previous.Resolution ?? fresh.Resolution };
    }

    private static TodoItem Resolve(TodoItem item, DateOnly today) => item with
    {
        Done = true,
        Resolution = NoLongerPresent + today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    private static List<PlanEntry> MergePlan(
        TodoDocument existing, TodoDocument fresh, TaskIdAllocator ids, List<TodoItem> items,
        Dictionary<string, string> freshToMerged, HashSet<string> leftovers)
    {
        var doneById = items.GroupBy(item => item.Id, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.All(item => item.Done), StringComparer.Ordinal);
        var previousByKey = existing.Plan.GroupBy(entry => entry.Key, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);
        var merged = new List<PlanEntry>();
        foreach (var entry in fresh.Plan)
        {
            var itemIds = entry.ItemIds.Select(id => freshToMerged.GetValueOrDefault(id, id)).ToList();
            var previous = previousByKey.GetValueOrDefault(entry.Key);
            if (previous is not null)
            {
                previousByKey.Remove(entry.Key);
                itemIds.AddRange(previous.ItemIds.Where(leftovers.Contains).Except(itemIds, StringComparer.Ordinal));
            }

            var id = previous?.Id ?? ids.Next(TodoIds.PlanPrefix, TodoIds.AreaNumber(entry.Area));
            merged.Add(WithDone(entry with { Id = id, ItemIds = itemIds }, previous?.Done ?? entry.Done, doneById));
        }

        // Entries the fresh plan no longer has stay while they still hold items nobody else lists.
        foreach (var previous in previousByKey.Values)
        {
            var itemIds = previous.ItemIds.Where(leftovers.Contains).ToList();
            if (itemIds.Count > 0 || previous.ItemIds.Count == 0)
            {
                merged.Add(WithDone(previous with { ItemIds = itemIds }, previous.Done, doneById));
            }
        }

        return SortById(merged, entry => entry.Id);
    }

    private static PlanEntry WithDone(PlanEntry entry, bool doneWithoutItems, Dictionary<string, bool> doneById) =>
        entry with
        {
            Done = entry.ItemIds.Count == 0 ? doneWithoutItems : entry.ItemIds.All(id => doneById.GetValueOrDefault(id)),
        };

    private static Dictionary<string, int> AreaNumberOfItems(IReadOnlyList<PlanEntry> plan)
    {
        var areas = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in plan)
        {
            foreach (var itemId in entry.ItemIds)
            {
                areas.TryAdd(itemId, TodoIds.AreaNumber(entry.Area));
            }
        }

        return areas;
    }

    private static int AreaNumberOf(TodoItem item, Dictionary<string, int> areaOfFreshItem) =>
        areaOfFreshItem.TryGetValue(item.Id, out var area) ? area
        : TodoIds.TryParseSequenced(item.Id, out area, out _) ? area
        : throw new ArgumentException($"Fresh item {item.Id} belongs to no plan entry and its ID names no area; validate the fresh document before merging.", nameof(item));

    /// <summary>Orders tasks by area number then sequence (numerically, so 1.10 follows 1.9); IDs that do not parse keep their order at the end.</summary>
    private static List<T> SortById<T>(List<T> tasks, Func<T, string> idOf) =>
        tasks.Select((task, index) => (task, index, parsed: TodoIds.TryParseSequenced(idOf(task), out var area, out var sequence), area, sequence))
            .OrderBy(entry => !entry.parsed)
            .ThenBy(entry => entry.parsed ? entry.area : 0)
            .ThenBy(entry => entry.parsed ? entry.sequence : entry.index)
            .Select(entry => entry.task)
            .ToList();
}
