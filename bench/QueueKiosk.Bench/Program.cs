Console.WriteLine("usage: QueueKiosk.Bench <scenario> [options]");
return 2;
