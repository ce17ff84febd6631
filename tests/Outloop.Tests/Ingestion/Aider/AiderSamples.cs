namespace Outloop.Tests.Ingestion.Aider;

/// <summary>An Aider chat history written for these tests, in two appends.</summary>
internal static class AiderSamples
{
    public const string FirstSession =
        """

        # aider chat started at 2025-03-01 09:15:00

        > aider --model gpt-4o  
        > Model: gpt-4o with diff edit format  

        #### add a greeting  
        #### and make it loud  

        Here is the change:

        app.py
        ```python
        <<<<<<< SEARCH
        print("hi")
        =======
        print("HELLO")
        >>>>>>> REPLACE
        ```

        > Tokens: 5,244 sent, 604 received. Cost: $0.02 message, $0.02 session.  
        > Applied edit to app.py  
        > # Fix any errors below, if possible.  
        >  
        > ## Running: flake8 app.py  
        >  
        > app.py:1:1: E999 SyntaxError  
        > Fix lint errors in app.py? y  

        #### # Fix any errors below, if possible.  
        ####   
        #### ## Running: flake8 app.py  
        ####   
        #### app.py:1:1: E999 SyntaxError  

        The fix is below.

        #### /run python app.py  
        > HELLO  
        > Add the output to the chat?
        (y/n/instructions) n  

        """;

    public const string Continued =
        """
        # aider chat started at 2025-03-02 10:00:00

        > Main model: claude-3-5-sonnet with diff edit format, infinite output  

        #### now fix the tests  
        #### /test pytest -q  
        > F.
        FAILED tests/test_app.py::test_greeting - AssertionError
        1 failed, 1 passed in 0.02s  

        ```python
        app.py
        <<<<<<< SEARCH
        x = 1
        =======
        x = 2
        >>>>>>> REPLACE
        ```

        > Tokens: 2.6k sent, 2.5k cache write, 1.1k received. Cost: $0.01 message, $0.03 session.  

        """;
}
