using System;
using Microsoft.Extensions.Logging;

namespace QualysGen.Demo;

/// <summary>Prints what the client reports at Warning and above (a limit it waits out, a retry), indented under the step.</summary>
internal sealed class DemoLog : ILoggerFactory, ILogger
{
    public ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            Console.WriteLine($"      [client {logLevel.ToString().ToLowerInvariant()}] {formatter(state, exception)}");
        }
    }

    public void Dispose()
    {
    }
}
