using System;

namespace QualysGen.Client;

/// <summary>What <see cref="RetryPlanner.PlanLimit"/> decided about a limit refusal.</summary>
/// <param name="Kind">Which limit refused the call.</param>
/// <param name="Asked">The wait Qualys named, if it named one.</param>
/// <param name="Delay">The wait before the next attempt.</param>
/// <param name="WithinBudget">False when the wait or the attempt is past the retry budget: the call fails now.</param>
internal readonly record struct LimitPlan(QualysLimitKind Kind, TimeSpan? Asked, TimeSpan Delay, bool WithinBudget);
