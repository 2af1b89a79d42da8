using Microsoft.Extensions.Logging;

namespace QualysGen.Client;

/// <summary>
/// What the client's parses report: each deviation and drift logged as a warning with the call's endpoint, then passed on
/// to the reporter the user set on <see cref="QualysClientOptions.Xml"/>.
/// </summary>
internal sealed class ClientXmlReporter : IQualysXmlReporter
{
    private readonly ILogger _logger;
    private readonly string _endpoint;
    private readonly string _version;
    private readonly IQualysXmlReporter? _next;

    public ClientXmlReporter(ILogger logger, string endpoint, string version, IQualysXmlReporter? next)
    {
        _logger = logger;
        _endpoint = endpoint;
        _version = version;
        _next = next;
    }

    public void OnDeviation(QualysXmlDeviation deviation)
    {
        Log.XmlDeviation(_logger, _endpoint, _version, deviation.OmittedPath, deviation);
        _next?.OnDeviation(deviation);
    }

    public void OnDrift(QualysXmlDrift drift)
    {
        Log.XmlDrift(_logger, _endpoint, _version, drift);
        _next?.OnDrift(drift);
    }
}
