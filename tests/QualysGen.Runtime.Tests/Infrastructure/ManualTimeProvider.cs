using System;

namespace QualysGen.Runtime.Tests.Infrastructure;

/// <summary>The system clock moved forward by <see cref="Offset"/>; timers stay real.</summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}
