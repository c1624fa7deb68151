using QueueKiosk.CounterDisplay;

var builder = WebApplication.CreateBuilder(args);
builder.AddCounterDisplay();
var app = builder.Build();
app.MapCounterDisplay();
app.Run();

public partial class Program;
