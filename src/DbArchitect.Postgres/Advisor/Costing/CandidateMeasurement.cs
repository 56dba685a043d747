namespace DbArchitect.Postgres.Advisor.Costing;

/// <summary>One candidate's effect on its own: its size, and each statement whose plan used it with the cost it then had.</summary>
internal sealed record CandidateMeasurement(IndexCandidate Candidate, long Bytes, IReadOnlyDictionary<int, double> CostWith, EvidenceSource Evidence);
