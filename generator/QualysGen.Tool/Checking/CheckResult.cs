using System.Collections.Generic;

namespace QualysGen.Tool.Checking;

/// <summary>What <see cref="ResponseChecker"/> found in one response.</summary>
/// <param name="File">The response file.</param>
/// <param name="Root">Its root element.</param>
/// <param name="Schema">The schema file it was checked against.</param>
/// <param name="Drift">What it has that the schema does not declare.</param>
/// <param name="Deviations">What the schema requires that it lacks or breaks.</param>
internal sealed record CheckResult(string File, string Root, string Schema, IReadOnlyList<QualysXmlDrift> Drift, IReadOnlyList<QualysXmlDeviation> Deviations);
