using Outloop.Ingestion;
using Outloop.Patterns.Signatures;

namespace Outloop.Tests.Patterns.Signatures;

public sealed class ShellSignatureTests
{
    private static OperationSignature Bash(string command) =>
        OperationClassifier.Classify(new ToolInvocation("claude", "Bash", null, command, "/repo", "/repo"));

    [Theory]
    // Python
    [InlineData("pytest", "test:pytest:all")]
    [InlineData("pytest -x -q backend/tests/test_api.py::test_login", "test:pytest:backend")]
    [InlineData("python -m pytest tests/ -k 'slow and not db' --tb=short", "test:pytest:all")]
    [InlineData("uv run pytest -x backend", "test:pytest:backend")]
    [InlineData("poetry run pytest", "test:pytest:all")]
    [InlineData("pipenv run python -m pytest src/app/tests", "test:pytest:src/app")]
    [InlineData("cd backend && uv run --frozen pytest", "test:pytest:backend")]
    [InlineData("python -m unittest tests.test_models", "test:unittest:all")]
    [InlineData("python3 -m unittest discover -s tests", "test:unittest:all")]
    [InlineData("tox -e py311", "test:tox:py311")]
    [InlineData("nox -s lint", "test:nox:lint")]
    [InlineData("mypy src/pkg", "build:mypy:src/pkg")]
    [InlineData("pyright", "build:pyright:all")]
    [InlineData("ruff check .", "lint:ruff:all")]
    [InlineData("ruff format --check src", "lint:ruff:src")]
    [InlineData("ruff format", "format:ruff:all")]
    [InlineData("flake8 app", "lint:flake8:app")]
    [InlineData("pylint mypkg", "lint:pylint:mypkg")]
    [InlineData("black .", "format:black:all")]
    [InlineData("black --check .", "lint:black:all")]
    [InlineData("isort --check-only --diff .", "lint:isort:all")]
    [InlineData("pip install -e '.[dev]'", "deps:pip:install")]
    [InlineData("pip3 install requests", "deps:pip:install")]
    [InlineData("uv sync", "deps:uv:sync")]
    [InlineData("uv pip install -r requirements.txt", "deps:uv:pip-install")]
    [InlineData("poetry install", "deps:poetry:install")]
    [InlineData("python manage.py test polls", "test:django:polls")]
    [InlineData("python manage.py migrate", "run:django:migrate")]
    [InlineData("./tests/runtests.py model_fields.test_jsonfield", "test:runtests:model_fields")]
    [InlineData("python tests/runtests.py model_fields.test_jsonfield -v 2", "test:runtests:model_fields")]
    [InlineData("bin/test sympy/core/tests/test_symbol.py", "test:test:sympy")]
    [InlineData("python reproduce_issue.py", "run:python:reproduce_issue.py")]
    [InlineData("python -c \"import django; print(django.VERSION)\"", "run:python:inline")]
    [InlineData("PYTHONPATH=. python3 scripts/check.py", "run:python:scripts")]
    [InlineData("coverage run -m pytest tests", "test:pytest:all")]
    // JavaScript and TypeScript
    [InlineData("npx jest src/components/Button.test.tsx", "test:jest:src/components")]
    [InlineData("npx vitest run", "test:vitest:all")]
    [InlineData("pnpm exec vitest run frontend/src", "test:vitest:frontend")]
    [InlineData("yarn mocha test/unit", "test:mocha:all")]
    [InlineData("npx playwright test e2e/login.spec.ts", "test:playwright:e2e")]
    [InlineData("npm test", "test:npm:all")]
    [InlineData("npm run test:unit", "test:npm:test.unit")]
    [InlineData("cd frontend && npm test -- --watch=false", "test:npm:frontend")]
    [InlineData("yarn test", "test:yarn:all")]
    [InlineData("pnpm --filter web test", "test:pnpm:web")]
    [InlineData("bun test", "test:bun:all")]
    [InlineData("npx tsc --noEmit", "build:tsc:all")]
    [InlineData("npx tsc -p frontend/tsconfig.json --noEmit", "build:tsc:frontend")]
    [InlineData("npm run typecheck", "build:npm:typecheck")]
    [InlineData("npm run build", "build:npm:all")]
    [InlineData("npx eslint src --ext .ts,.tsx", "lint:eslint:src")]
    [InlineData("npm run lint", "lint:npm:all")]
    [InlineData("npx prettier --write .", "format:prettier:all")]
    [InlineData("npx prettier --check 'src/**/*.ts'", "lint:prettier:src")]
    [InlineData("npx @biomejs/biome check --write .", "format:biome:all")]
    [InlineData("npm install", "deps:npm:install")]
    [InlineData("npm ci", "deps:npm:ci")]
    [InlineData("pnpm add -D vitest", "deps:pnpm:install")]
    [InlineData("yarn", "deps:yarn:install")]
    [InlineData("bun install", "deps:bun:install")]
    [InlineData("npx webpack --mode production", "build:webpack:all")]
    [InlineData("npx vite build", "build:vite:all")]
    [InlineData("next build", "build:next:all")]
    [InlineData("node assets/build.js", "run:node:assets")]
    [InlineData("npm run dev", "run:npm:dev")]
    // .NET
    [InlineData("dotnet test", "test:dotnet:all")]
    [InlineData("dotnet test tests/Outloop.Tests --filter FullyQualifiedName~Signatures", "test:dotnet:all")]
    [InlineData("dotnet build src/Outloop -c Release", "build:dotnet:src/Outloop")]
    [InlineData("dotnet format Outloop.slnx --verify-no-changes", "lint:dotnet-format:Outloop.slnx")]
    [InlineData("dotnet format", "format:dotnet:all")]
    [InlineData("dotnet restore", "deps:dotnet:restore")]
    [InlineData("dotnet run --project src/Outloop.Cli -- review", "run:dotnet:src/Outloop.Cli")]
    [InlineData("dotnet add package Npgsql", "deps:dotnet:add-package")]
    // Go
    [InlineData("go test ./...", "test:go:all")]
    [InlineData("go test -run TestParse ./internal/parser/...", "test:go:internal/parser")]
    [InlineData("go build ./cmd/server", "build:go:cmd/server")]
    [InlineData("go vet ./...", "lint:go-vet:all")]
    [InlineData("golangci-lint run ./...", "lint:golangci-lint:all")]
    [InlineData("gofmt -l .", "lint:gofmt:all")]
    [InlineData("gofmt -w main.go", "format:gofmt:main.go")]
    [InlineData("go mod tidy", "deps:go:mod-tidy")]
    // Rust
    [InlineData("cargo test", "test:cargo:all")]
    [InlineData("cargo test -p parser --lib", "test:cargo:parser")]
    [InlineData("cargo build --release", "build:cargo:all")]
    [InlineData("cargo check --workspace", "build:cargo:all")]
    [InlineData("cargo clippy -- -D warnings", "lint:clippy:all")]
    [InlineData("cargo fmt", "format:rustfmt:all")]
    [InlineData("cargo fmt --check", "lint:rustfmt:all")]
    [InlineData("cargo add serde", "deps:cargo:add")]
    // Elixir
    [InlineData("mix test", "test:mix:all")]
    [InlineData("mix test test/foo_test.exs:12", "test:mix:all")]
    [InlineData("mix test test/bar_test.exs 2>&1 | tail -5", "test:mix:all")]
    [InlineData("MIX_ENV=test mix test --seed 0 2>&1 | tail -30", "test:mix:all")]
    [InlineData("mix compile --warnings-as-errors 2>&1", "build:mix:all")]
    [InlineData("mix format && mix compile 2>&1 | tail -5", "build:mix:all")]
    [InlineData("mix format", "format:mix:all")]
    [InlineData("mix format --check-formatted", "lint:mix-format:all")]
    [InlineData("mix credo --strict 2>&1 | tail -10", "lint:credo:all")]
    [InlineData("mix credo --strict lib/spotter/services/a.ex lib/spotter_web/live/b.ex", "lint:credo:lib/spotter+lib/spotter_web")]
    [InlineData("mix deps.get", "deps:mix:deps.get")]
    [InlineData("mix dialyzer --format short 2>&1 | grep -E \"^lib/\"", "build:dialyzer:all")]
    [InlineData("mix ecto.migrate", "run:mix:ecto.migrate")]
    [InlineData("iex -S mix phx.server", "run:iex:all")]
    // Java and Kotlin
    [InlineData("mvn test", "test:maven:all")]
    [InlineData("mvn -q -pl core -am clean install -DskipTests", "build:maven:core")]
    [InlineData("./mvnw spotless:apply", "format:maven:all")]
    [InlineData("./gradlew test", "test:gradle:all")]
    [InlineData("./gradlew :app:test --tests 'com.x.FooTest'", "test:gradle:app")]
    [InlineData("gradle build", "build:gradle:all")]
    [InlineData("./gradlew ktlintCheck", "lint:gradle:all")]
    [InlineData("ktlint -F 'src/**/*.kt'", "format:ktlint:src")]
    // Ruby
    [InlineData("bundle exec rspec spec/models/user_spec.rb:10", "test:rspec:all")]
    [InlineData("bundle exec rake test", "test:rake:all")]
    [InlineData("bin/rails test test/models", "test:rails:all")]
    [InlineData("bundle exec rubocop -A app", "lint:rubocop:app")]
    [InlineData("bundle install", "deps:bundler:install")]
    // Native builds, wrappers, containers
    [InlineData("make test", "test:make:all")]
    [InlineData("make", "build:make:all")]
    [InlineData("make -j8 lint", "lint:make:lint")]
    [InlineData("timeout 60 pytest tests", "test:pytest:all")]
    [InlineData("env CI=1 npm test", "test:npm:all")]
    [InlineData("sudo -u app time nice -n 10 cargo test", "test:cargo:all")]
    [InlineData("docker compose exec web bundle exec rspec", "test:rspec:all")]
    [InlineData("docker exec -it api python -m pytest -q", "test:pytest:all")]
    [InlineData("docker build -t app .", "build:docker:all")]
    [InlineData("bash -lc 'cd web && npm run lint'", "lint:npm:web")]
    // Version control
    [InlineData("git status", "vcs:git:status")]
    [InlineData("git status --short 2>&1", "vcs:git:status")]
    [InlineData("git -C ../other diff --stat", "vcs:git:diff")]
    [InlineData("git log --oneline -5", "vcs:git:log")]
    [InlineData("git add -A && git commit -m 'feat: x'", "vcs:git:commit")]
    [InlineData("git push --set-upstream origin feature-1 2>&1", "vcs:git:push")]
    [InlineData("git checkout -b fix/thing", "vcs:git:checkout")]
    [InlineData("gh pr create --title x --body y", "vcs:gh:pr-create")]
    // Search and listing
    [InlineData("grep -rn 'def foo' src/", "search:grep:src")]
    [InlineData("rg -n TODO lib", "search:rg:lib")]
    [InlineData("ag pattern", "search:ag:all")]
    [InlineData("find . -name '*.py' | head", "search:find:all")]
    [InlineData("find src/app -type f -name '*.ts'", "search:find:src/app")]
    [InlineData("fd -e rs parser crates", "search:fd:crates")]
    [InlineData("ls -la", "file:list:all")]
    [InlineData("tree lib -L 3", "file:list:lib")]
    // File viewers and edits
    [InlineData("cat lib/spotter/transcripts/session.ex", "file:read:lib/spotter")]
    [InlineData("head -n 50 sympy/core/relational.py", "file:read:sympy/core")]
    [InlineData("tail -f log/dev.log", "file:read:log")]
    [InlineData("sed -n '100,120p' django/db/models/query.py", "file:read:django/db")]
    [InlineData("nl -ba astropy/io/fits/card.py | sed -n '1300,1310p'", "file:read:astropy/io")]
    [InlineData("wc -l README.md", "file:read:README.md")]
    [InlineData("sed -i 's/a/b/' django/core/validators.py", "file:edit:django/core")]
    [InlineData("cat <<'EOF' > reproduce.py\nprint(1)\nEOF", "file:write:reproduce.py")]
    [InlineData("echo 'x' >> notes/todo.md", "file:write:notes")]
    [InlineData("rm reproduce.py", "file:delete:reproduce.py")]
    [InlineData("mkdir -p priv/scripts", "file:mkdir:priv/scripts")]
    // Web and unknown commands
    [InlineData("curl -s https://api.github.com/repos/x/y | jq .", "web:curl:api.github.com")]
    [InlineData("wget -q http://localhost:8080/health", "web:wget:localhost")]
    [InlineData("bd show spotter-gqc.7 2>&1", "other:bd:show")]
    [InlineData("terraform plan", "run:terraform:plan")]
    [InlineData("./scripts/deploy.sh staging", "run:deploy:scripts")]
    [InlineData("frobnicate --fast", "other:frobnicate:all")]
    public void RealWorldCommandsGetTheExpectedSignature(string command, string expected)
    {
        var signature = Bash(command);

        Assert.Equal(expected, signature.ToString());
    }

    [Theory]
    [InlineData("mix test test/foo_test.exs:12", "mix test test/bar_test.exs")]
    [InlineData("mix test", "mix test test/spotter_web/live/session_live_test.exs 2>&1")]
    [InlineData("pytest tests/test_a.py::test_x -q", "pytest tests/test_b.py -q")]
    [InlineData("git commit -m 'a'", "git add x && git commit -m 'b c'")]
    [InlineData("cat lib/spotter/a.ex", "cat lib/spotter/deep/er/b.ex")]
    public void SameOperationWithDifferentDetailsGetsTheSameSignature(string first, string second)
    {
        Assert.Equal(Bash(first).ToString(), Bash(second).ToString());
    }

    [Theory]
    [InlineData("mix test test/a_test.exs:12 2>&1 | tail -5", "mix test <path> 2>&1 | tail -<n>")]
    [InlineData("git commit -m \"$(cat <<'EOF'\nmsg\nEOF\n)\"", "git commit -m <cmd>")]
    [InlineData("FOO=1 pytest -k 'a or b' --maxfail=3 tests/", "FOO=<v> pytest -k <str> --maxfail=<v> <path>")]
    [InlineData("cat <<'EOF' > x.py\nbody\nEOF", "cat <<EOF > <path>")]
    [InlineData("curl -s https://x.y/z?a=1", "curl -s <url>")]
    [InlineData("git show 3f9c2ab1", "git show <id>")]
    public void NormalizedCommandMasksTheVariableParts(string command, string expected)
    {
        Assert.Equal(expected, Bash(command).NormalizedCommand);
    }

    [Fact]
    public void VerificationRunsAreFlagged()
    {
        Assert.True(Bash("mix test").IsVerification);
        Assert.True(Bash("npx tsc --noEmit").IsVerification);
        Assert.True(Bash("cargo clippy").IsVerification);
        Assert.True(Bash("black --check .").IsVerification);
        Assert.False(Bash("black .").IsVerification);
        Assert.False(Bash("git status").IsVerification);
        Assert.False(Bash("cat x.py").IsVerification);
    }

    [Fact]
    public void PathsAreReportedRelativeToTheProjectAndWithTheirAccess()
    {
        var read = OperationClassifier.Classify(new ToolInvocation("claude", "Bash", null, "cd lib && cat a/b.ex ../README.md", "/repo", "/repo"));

        Assert.Equal(["lib/a/b.ex", "README.md"], read.Paths);
        Assert.Equal(FileAccessKind.Read, read.Access);
    }

    [Fact]
    public void ClassificationIsStableForTheSameInput()
    {
        var call = new ToolInvocation("claude", "Bash", null, "cd web && pnpm test -- src/a.test.ts 2>&1 | tail -20", "/repo", "/repo");

        var first = OperationClassifier.Classify(call);
        var second = OperationClassifier.Classify(call);

        Assert.Equal(first.ToString(), second.ToString());
        Assert.Equal(first.NormalizedCommand, second.NormalizedCommand);
        Assert.Equal(first.Paths, second.Paths);
    }
}
