namespace QualysGen;

/// <summary>
/// Receives what a generated parser found that its schema does not say: deviations (data left out) and drift (data the schema
/// does not declare). Set it on <see cref="QualysXmlOptions.Reporter"/>; <see cref="QualysXmlReport"/> collects both.
/// </summary>
/// <remarks>
/// Deviations arrive as they are met. Drift is counted during the parse and arrives once per distinct path when the parse (or
/// the record stream) ends. Calls come from the parsing thread; a reporter shared by parallel parses must be thread-safe.
/// </remarks>
public interface IQualysXmlReporter
{
    /// <summary>An element was left out because it (or something it contains) breaks the schema.</summary>
    void OnDeviation(QualysXmlDeviation deviation);

    /// <summary>An element, attribute or enumeration value the schema does not declare, with how often it came.</summary>
    void OnDrift(QualysXmlDrift drift);
}
