using System.Threading;
using QualysGen.Tool;
using QualysGen.Tool.Cli;

using var cancel = new CancellationTokenSource();
System.Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
return await QualysGenTool.RunAsync(args, ToolConsole.Standard, cancel.Token);
