Console.WriteLine("outloop");
