namespace Outloop.Sample;

internal static partial class SampleProjects
{
    private const string OrdersRouter = """
        from typing import Optional

        from fastapi import APIRouter, Depends, HTTPException, status

        from app.db import get_session
        from app.schemas import OrderIn, OrderOut
        from app.services.pricing import order_total

        router = APIRouter(prefix="/orders", tags=["orders"])


        @router.post("", response_model=OrderOut, status_code=status.HTTP_201_CREATED)
        def create_order(order: OrderIn, session=Depends(get_session)) -> OrderOut:
            total = order_total([(session.price_of(line.sku), line.quantity) for line in order.lines])
            return session.save_order(order, total)


        @router.get("")
        def list_orders(limit: int = 20, offset: int = 0, session=Depends(get_session)):
            items = session.list_orders(limit=limit, offset=offset)
            return {"items": items, "limit": limit, "offset": offset}

        """;

    private const string OrdersSchemas = """
        from decimal import Decimal

        from pydantic import BaseModel, Field


        class OrderLineIn(BaseModel):
            sku: str = Field(min_length=3)
            quantity: int


        class OrderIn(BaseModel):
            customer_id: int
            lines: list[OrderLineIn]


        class OrderOut(BaseModel):
            id: int
            customer_id: int
            total: Decimal
            status: str = "pending"

        """;

    private const string OrdersPricing = """
        from decimal import Decimal

        BULK_THRESHOLD = 10
        BULK_DISCOUNT = Decimal("0.10")


        def line_total(unit_price: Decimal, quantity: int) -> Decimal:
            total = unit_price * quantity
            if quantity > BULK_THRESHOLD:
                total -= total * BULK_DISCOUNT
            return total.quantize(Decimal("0.01"))


        def order_total(lines: list[tuple[Decimal, int]]) -> Decimal:
            return sum((line_total(price, qty) for price, qty in lines), Decimal("0.00"))

        """;

    private const string OrdersTest = """
        import pytest


        @pytest.fixture
        def payload():
            return {"customer_id": 7, "lines": [{"sku": "SKU-1042", "quantity": 2}]}


        def test_create_order_returns_201(client, payload):
            response = client.post("/orders", json=payload)
            assert response.status_code == 201
            assert response.json()["status"] == "pending"


        def test_create_order_rejects_negative_quantity(client, payload):
            payload["lines"][0]["quantity"] = -3
            response = client.post("/orders", json=payload)
            assert response.status_code == 422


        def test_list_orders_is_paginated(client):
            response = client.get("/orders?limit=5")
            assert response.status_code == 200
            assert len(response.json()["items"]) <= 5

        """;

    private const string PricingTest = """
        from decimal import Decimal

        from app.services.pricing import line_total, order_total


        def test_line_total_without_discount():
            assert line_total(Decimal("4.25"), 2) == Decimal("8.50")


        def test_bulk_discount_applies_at_threshold():
            assert line_total(Decimal("9.50"), 10) == Decimal("85.50")


        def test_order_total_sums_lines():
            assert order_total([(Decimal("1.00"), 3), (Decimal("2.50"), 2)]) == Decimal("8.00")

        """;

    private const string OrdersConftest = """
        import pytest
        from fastapi.testclient import TestClient

        from app.main import app


        @pytest.fixture
        def client():
            with TestClient(app) as test_client:
                yield test_client

        """;

    public static SampleProject OrdersApi()
    {
        const string cwd = "/home/dev/projects/orders-api";
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["app/routers/orders.py"] = OrdersRouter,
            ["app/schemas.py"] = OrdersSchemas,
            ["app/services/pricing.py"] = OrdersPricing,
            ["tests/api/test_orders.py"] = OrdersTest,
            ["tests/test_pricing.py"] = PricingTest,
            ["tests/conftest.py"] = OrdersConftest,
        };

        var negativeQuantity = new CodeFault(
            "pytest-negative-quantity",
            [
                "The order tests are failing again, can you take a look?",
                "CI is red on the orders API, please fix the failing test",
                "test_create_order_rejects_negative_quantity fails, fix it",
            ],
            "uv run pytest tests/ -q",
            1,
            random => PytestFailure(
                random,
                "tests/api/test_orders.py",
                "test_create_order_rejects_negative_quantity",
                """
                client = <starlette.testclient.TestClient object at 0x{ADDR}>
                payload = {'customer_id': 7, 'lines': [{'quantity': -3, 'sku': 'SKU-1042'}]}

                    def test_create_order_rejects_negative_quantity(client, payload):
                        payload["lines"][0]["quantity"] = -3
                        response = client.post("/orders", json=payload)
                >       assert response.status_code == 422
                E       assert 201 == 422
                E        +  where 201 = <Response [201 Created]>.status_code

                tests/api/test_orders.py:18: AssertionError
                """,
                "assert 201 == 422"),
            "tests/api/test_orders.py",
            "app/schemas.py",
            "    sku: str = Field(min_length=3)\n    quantity: int\n",
            "    sku: str = Field(min_length=3)\n    quantity: int = Field(gt=0)\n",
            "The schema accepts any integer quantity, so a negative quantity is saved instead of rejected with 422. I'll constrain `quantity` to be positive.");

        var bulkDiscount = new CodeFault(
            "pytest-bulk-discount",
            [
                "test_bulk_discount_applies_at_threshold is failing, please fix",
                "Pricing tests fail after the last merge, can you fix them?",
            ],
            "uv run pytest tests/ -q",
            1,
            random => PytestFailure(
                random,
                "tests/test_pricing.py",
                "test_bulk_discount_applies_at_threshold",
                """
                    def test_bulk_discount_applies_at_threshold():
                >       assert line_total(Decimal("9.50"), 10) == Decimal("85.50")
                E       AssertionError: assert Decimal('95.00') == Decimal('85.50')
                E        +  where Decimal('95.00') = line_total(Decimal('9.50'), 10)

                tests/test_pricing.py:11: AssertionError
                """,
                "AssertionError: assert Decimal('95.00') == Decimal('85.50')"),
            "tests/test_pricing.py",
            "app/services/pricing.py",
            "    if quantity > BULK_THRESHOLD:\n",
            "    if quantity >= BULK_THRESHOLD:\n",
            "The discount is applied only above the threshold, but the test (and the pricing rules) say it applies from 10 units on. It's an off-by-one in the comparison.");

        var unusedImport = new CodeFault(
            "ruff-unused-import",
            ["Run the linter and fix whatever it complains about", "ruff is failing in CI, please fix"],
            "uv run ruff check .",
            1,
            _ => """
                app/routers/orders.py:1:20: F401 [*] `typing.Optional` imported but unused
                Found 1 error.
                [*] 1 fixable with the `--fix` option.

                """,
            "app/routers/orders.py",
            "app/routers/orders.py",
            "from typing import Optional\n\nfrom fastapi",
            "from fastapi",
            "`Optional` is imported in the orders router but never used.");

        var features = new FeatureChange[]
        {
            new(
                "Add a GET /orders/{order_id} endpoint that returns 404 when the order does not exist, with a test",
                "def list_orders",
                "app/routers/orders.py",
                "@router.get(\"\")\ndef list_orders",
                "@router.get(\"/{order_id}\", response_model=OrderOut)\ndef get_order(order_id: int, session=Depends(get_session)) -> OrderOut:\n    order = session.get_order(order_id)\n    if order is None:\n        raise HTTPException(status_code=404, detail=\"Order not found\")\n    return order\n\n\n@router.get(\"\")\ndef list_orders",
                "tests/api/test_orders.py",
                "def test_list_orders_is_paginated(client):",
                "def test_get_unknown_order_returns_404(client):\n    response = client.get(\"/orders/999999\")\n    assert response.status_code == 404\n\n\ndef test_list_orders_is_paginated(client):",
                "Added `GET /orders/{order_id}` returning the order or a 404, and a test for the 404 case. All tests pass."),
            new(
                "Add an optional `notes` field (max 500 characters) to orders",
                "class OrderIn",
                "app/schemas.py",
                "    lines: list[OrderLineIn]\n",
                "    lines: list[OrderLineIn]\n    notes: str | None = Field(default=None, max_length=500)\n",
                "tests/api/test_orders.py",
                "def test_create_order_rejects_negative_quantity(client, payload):",
                "def test_create_order_rejects_long_notes(client, payload):\n    payload[\"notes\"] = \"x\" * 501\n    response = client.post(\"/orders\", json=payload)\n    assert response.status_code == 422\n\n\ndef test_create_order_rejects_negative_quantity(client, payload):",
                "`OrderIn` now has an optional `notes` field limited to 500 characters, with a validation test."),
        };

        var questions = new CodeQuestion[]
        {
            new("Where is the bulk discount configured?", "BULK_", "**/*.py", "app/services/pricing.py",
                "The bulk discount lives in `app/services/pricing.py`: `BULK_THRESHOLD = 10` units and `BULK_DISCOUNT = 10%`, applied per line in `line_total`."),
            new("How are order totals computed?", "order_total", "app/**/*.py", "app/services/pricing.py",
                "`create_order` in `app/routers/orders.py` looks up each SKU's price and calls `order_total`, which sums `line_total` per line (quantity times unit price, minus the bulk discount, rounded to cents)."),
        };

        return new SampleProject(
            "orders-api",
            cwd,
            HasHooks: false,
            files,
            "uv run pytest tests/ -q",
            "uv run ruff check .",
            "uv run ruff format --check .",
            [negativeQuantity, bulkDiscount],
            unusedImport,
            features,
            questions,
            (command, random) => command switch
            {
                "uv run pytest tests/ -q" => PytestPass(random, 41),
                "uv run ruff check ." => "All checks passed!\n",
                "uv run ruff format --check ." => "9 files already formatted\n",
                _ => "",
            });
    }

    private static string PytestFailure(Random random, string file, string test, string body, string reason)
    {
        var address = $"7f{random.Next(0x100000, 0xFFFFFF):x6}{random.Next(0x1000, 0xFFFF):x4}";
        var seconds = $"{random.Next(80, 260) / 100.0:0.00}";
        var dots = new string('.', 12) + "F" + new string('.', 16) + "[ 70%]";
        return $"""
            {dots}
            ............                                                             [100%]
            =================================== FAILURES ===================================
            {Centered(test)}

            {body.Replace("{ADDR}", address, StringComparison.Ordinal).TrimEnd()}
            =========================== short test summary info ============================
            FAILED {file}::{test} - {reason}
            1 failed, 40 passed in {seconds}s

            """;
    }

    private static string PytestPass(Random random, int tests) =>
        $"""
        {new string('.', 41)}                                [100%]
        {tests} passed in {random.Next(70, 240) / 100.0:0.00}s

        """;

    private static string Centered(string title)
    {
        var padding = Math.Max(2, (80 - title.Length - 2) / 2);
        return $"{new string('_', padding)} {title} {new string('_', padding)}";
    }
}
