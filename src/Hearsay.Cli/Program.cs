Console.WriteLine("hearsay");
