using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using QualysGen.Client;
using QualysGen.Simulator;

namespace QualysGen.Runtime.Tests.Infrastructure;

/// <summary>A simulator and a client pointed at it, with every log entry captured; disposed together.</summary>
internal sealed class Harness : IAsyncDisposable
{
    private readonly ILoggerFactory _loggerFactory;

    private Harness(QualysSimulator simulator, QualysClient client, CapturingLoggerProvider logs, ILoggerFactory loggerFactory, QualysClientOptions options)
    {
        Simulator = simulator;
        Client = client;
        Logs = logs;
        _loggerFactory = loggerFactory;
        Options = options;
    }

    public QualysSimulator Simulator { get; }

    public QualysClient Client { get; }

    public CapturingLoggerProvider Logs { get; }

    public QualysClientOptions Options { get; }

    public static async Task<Harness> StartAsync(Action<QualysSimulatorOptions>? simulator = null, Action<QualysClientOptions>? client = null)
    {
        var simulatorOptions = new QualysSimulatorOptions();
        simulator?.Invoke(simulatorOptions);
        var sim = await QualysSimulator.StartAsync(simulatorOptions);
        var options = ClientOptions(sim);
        client?.Invoke(options);
        var logs = new CapturingLoggerProvider();
        var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        return new Harness(sim, new QualysClient(options, loggerFactory), logs, loggerFactory, options);
    }

    /// <summary>Options for a client of <paramref name="simulator"/>, with retry delays short enough for tests.</summary>
    public static QualysClientOptions ClientOptions(QualysSimulator simulator)
    {
        var options = ClientOptions(simulator.BaseAddress, simulator.Options.UserName, simulator.Options.Password);
        options.GatewayUrl = simulator.GatewayAddress;
        return options;
    }

    /// <summary>Options for a client of any server at <paramref name="apiServer"/> (its gateway too), with short retry delays.</summary>
    public static QualysClientOptions ClientOptions(Uri apiServer, string userName = "demo_user", string password = "demo-password") => new()
    {
        ApiServerUrl = apiServer,
        UserName = userName,
        Password = password,
        Timeout = TimeSpan.FromSeconds(10),
        Retry = new QualysRetryOptions
        {
            ConcurrencyDelay = TimeSpan.FromMilliseconds(50),
            TransientDelay = TimeSpan.FromMilliseconds(20),
            MaxTotalDelay = TimeSpan.FromSeconds(20),
        },
    };

    public QualysClient NewClient(Action<QualysClientOptions> configure)
    {
        var options = ClientOptions(Simulator);
        configure(options);
        return new QualysClient(options, _loggerFactory);
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await Simulator.DisposeAsync();
        _loggerFactory.Dispose();
    }
}
