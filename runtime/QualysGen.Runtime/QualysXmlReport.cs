using System.Collections.Generic;

namespace QualysGen;

/// <summary>
/// A reporter that keeps what it receives, for a caller that wants to look after the parse:
/// <code>
/// var report = new QualysXmlReport();
/// var list = HostListOutput.Parse(stream, new QualysXmlOptions { Reporter = report });
/// foreach (var deviation in report.Deviations) Console.WriteLine(deviation);
/// </code>
/// Thread-safe: one report can be shared by parallel parses.
/// </summary>
public sealed class QualysXmlReport : IQualysXmlReporter
{
    private readonly object _gate = new();
    private readonly List<QualysXmlDeviation> _deviations = new();
    private readonly List<QualysXmlDrift> _drift = new();

    /// <summary>The deviations received, in the order they came.</summary>
    public IReadOnlyList<QualysXmlDeviation> Deviations
    {
        get
        {
            lock (_gate)
            {
                return _deviations.ToArray();
            }
        }
    }

    /// <summary>The drift received, one entry per distinct path and parse.</summary>
    public IReadOnlyList<QualysXmlDrift> Drift
    {
        get
        {
            lock (_gate)
            {
                return _drift.ToArray();
            }
        }
    }

    /// <summary>True when nothing deviated and nothing drifted.</summary>
    public bool IsEmpty
    {
        get
        {
            lock (_gate)
            {
                return _deviations.Count == 0 && _drift.Count == 0;
            }
        }
    }

    /// <inheritdoc />
    public void OnDeviation(QualysXmlDeviation deviation)
    {
        lock (_gate)
        {
            _deviations.Add(deviation);
        }
    }

    /// <inheritdoc />
    public void OnDrift(QualysXmlDrift drift)
    {
        lock (_gate)
        {
            _drift.Add(drift);
        }
    }
}
