namespace Outloop.Sample;

internal static partial class SampleProjects
{
    private const string CartTs = """
        export interface CartLine {
          sku: string;
          price: number;
          qty: number;
        }

        export interface TotalsOptions {
          discountPercent?: number;
          taxRate: number;
        }

        export function subtotal(lines: CartLine[]): number {
          return lines.reduce((sum, line) => sum + line.price * line.qty, 0);
        }

        export function cartTotal(lines: CartLine[], options: TotalsOptions): number {
          const taxed = subtotal(lines) * (1 + options.taxRate);
          const discount = options.discountPercent ?? 0;
          return Math.round(taxed * 100) / 100;
        }

        """;

    private const string CartTestTs = """
        import { describe, expect, it } from 'vitest';
        import { cartTotal, subtotal } from './cart';

        const lines = [{ sku: 'A1', price: 39.99, qty: 3 }];

        describe('cart totals', () => {
          it('sums line prices', () => {
            expect(subtotal(lines)).toBeCloseTo(119.97);
          });

          it('applies percentage discount before tax', () => {
            const total = cartTotal(lines, { discountPercent: 10, taxRate: 0.08 });
            expect(total).toBe(116.61);
          });
        });

        """;

    private const string MoneyTs = """
        export function formatPrice(cents: number, currency = 'EUR'): string {
          const amount = String(cents / 100);
          return `${amount} ${currency}`;
        }

        """;

    private const string MoneyTestTs = """
        import { describe, expect, it } from 'vitest';
        import { formatPrice } from './money';

        describe('formatPrice', () => {
          it('formats cents with two decimals', () => {
            expect(formatPrice(1250)).toBe('12.50 EUR');
          });
        });

        """;

    private const string CartSummaryTsx = """
        import { useMemo } from 'react';
        import { cartTotal, type CartLine } from '../lib/cart';
        import { formatPrice } from '../lib/money';

        interface Props {
          lines: CartLine[];
          couponCode?: string;
        }

        export function CartSummary({ lines, couponCode }: Props) {
          const total = cartTotal(lines, { taxRate: 0.08 });
          const label: string = couponCode;
          return (
            <section className="cart-summary">
              <h2>Order summary</h2>
              <p data-testid="coupon">{label}</p>
              <p data-testid="total">{formatPrice(Math.round(total * 100))}</p>
            </section>
          );
        }

        """;

    public static SampleProject ShopWeb()
    {
        const string cwd = "/home/dev/projects/shop-web";
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["src/lib/cart.ts"] = CartTs,
            ["src/lib/cart.test.ts"] = CartTestTs,
            ["src/lib/money.ts"] = MoneyTs,
            ["src/lib/money.test.ts"] = MoneyTestTs,
            ["src/components/CartSummary.tsx"] = CartSummaryTsx,
        };

        var discount = new CodeFault(
            "vitest-discount-before-tax",
            [
                "The cart tests are failing, please fix",
                "vitest is red on the discount test again, can you fix it?",
                "Fix the failing cart total test",
            ],
            "npx vitest run",
            1,
            random => VitestFailure(
                random,
                "src/lib/cart.test.ts",
                "cart totals > applies percentage discount before tax",
                "AssertionError: expected 129.57 to be 116.61 // Object.is equality",
                "- 116.61\n+ 129.57",
                """
                 ❯ src/lib/cart.test.ts:13:19
                     11|   it('applies percentage discount before tax', () => {
                     12|     const total = cartTotal(lines, { discountPercent: 10, taxRate: 0.08 });
                     13|     expect(total).toBe(116.61);
                       |                   ^
                     14|   });
                     15| });
                """),
            "src/lib/cart.test.ts",
            "src/lib/cart.ts",
            "  const taxed = subtotal(lines) * (1 + options.taxRate);\n  const discount = options.discountPercent ?? 0;\n  return Math.round(taxed * 100) / 100;",
            "  const discount = options.discountPercent ?? 0;\n  const discounted = subtotal(lines) * (1 - discount / 100);\n  return Math.round(discounted * (1 + options.taxRate) * 100) / 100;",
            "`cartTotal` reads `discountPercent` but never applies it, so the total is just subtotal plus tax. The discount has to come off before tax.");

        var decimals = new CodeFault(
            "vitest-format-price",
            ["formatPrice test fails, please fix", "Prices show as 12.5 EUR instead of 12.50 EUR, fix it"],
            "npx vitest run",
            1,
            random => VitestFailure(
                random,
                "src/lib/money.test.ts",
                "formatPrice > formats cents with two decimals",
                "AssertionError: expected '12.5 EUR' to be '12.50 EUR' // Object.is equality",
                "- 12.50 EUR\n+ 12.5 EUR",
                """
                 ❯ src/lib/money.test.ts:6:31
                      4| describe('formatPrice', () => {
                      5|   it('formats cents with two decimals', () => {
                      6|     expect(formatPrice(1250)).toBe('12.50 EUR');
                       |                               ^
                      7|   });
                      8| });
                """),
            "src/lib/money.test.ts",
            "src/lib/money.ts",
            "  const amount = String(cents / 100);",
            "  const amount = (cents / 100).toFixed(2);",
            "`String(cents / 100)` drops the trailing zero. `toFixed(2)` always gives two decimals.");

        var typeError = new CodeFault(
            "tsc-string-undefined",
            ["The build is broken, tsc fails. Please fix", "Type check fails in CI, can you fix it?"],
            "npx tsc --noEmit",
            2,
            _ => """
                src/components/CartSummary.tsx(12,9): error TS2322: Type 'string | undefined' is not assignable to type 'string'.
                  Type 'undefined' is not assignable to type 'string'.

                Found 1 error in src/components/CartSummary.tsx:12

                """,
            "src/components/CartSummary.tsx",
            "src/components/CartSummary.tsx",
            "  const label: string = couponCode;",
            "  const label: string = couponCode ?? 'No coupon';",
            "`couponCode` is optional, so it can be `undefined`; I'll give the label a fallback.");

        var features = new FeatureChange[]
        {
            new(
                "Add a removeLine(lines, sku) helper to the cart module, with tests",
                "export function subtotal",
                "src/lib/cart.ts",
                "export function subtotal(lines: CartLine[]): number {",
                "export function removeLine(lines: CartLine[], sku: string): CartLine[] {\n  return lines.filter((line) => line.sku !== sku);\n}\n\nexport function subtotal(lines: CartLine[]): number {",
                "src/lib/cart.test.ts",
                "describe('cart totals', () => {",
                "describe('removeLine', () => {\n  it('drops the line with the sku', () => {\n    expect(removeLine(lines, 'A1')).toEqual([]);\n  });\n});\n\ndescribe('cart totals', () => {",
                "Added `removeLine` to `src/lib/cart.ts` with a test. vitest, tsc and eslint pass."),
            new(
                "Show the number of items in the cart summary",
                "CartSummary",
                "src/components/CartSummary.tsx",
                "      <h2>Order summary</h2>",
                "      <h2>Order summary</h2>\n      <p data-testid=\"count\">{lines.reduce((n, line) => n + line.qty, 0)} items</p>",
                "src/lib/cart.test.ts",
                "const lines = [{ sku: 'A1', price: 39.99, qty: 3 }];",
                "const lines = [{ sku: 'A1', price: 39.99, qty: 3 }];\nconst itemCount = (cart: typeof lines) => cart.reduce((n, line) => n + line.qty, 0);",
                "The cart summary now shows the item count under the heading."),
        };

        var questions = new CodeQuestion[]
        {
            new("Where do we apply the tax rate in the cart?", "taxRate", "src/**/*.ts", "src/lib/cart.ts",
                "The tax rate is applied in `cartTotal` in `src/lib/cart.ts`; `CartSummary` passes `taxRate: 0.08`."),
            new("How are prices formatted for display?", "formatPrice", "src/**/*.{ts,tsx}", "src/lib/money.ts",
                "`formatPrice` in `src/lib/money.ts` turns cents into `<amount> <currency>`, EUR by default; `CartSummary` uses it for the total."),
        };

        return new SampleProject(
            "shop-web",
            cwd,
            HasHooks: true,
            files,
            "npx vitest run",
            "npx tsc --noEmit",
            "npx eslint src",
            [discount, decimals],
            typeError,
            features,
            questions,
            (command, random) => command switch
            {
                "npx vitest run" => VitestPass(random),
                _ => "",
            });
    }

    private static string VitestFailure(Random random, string file, string test, string error, string diff, string frame)
    {
        var start = $"{random.Next(8, 19):00}:{random.Next(60):00}:{random.Next(60):00}";
        return $"""

             RUN  v2.1.8 /home/dev/projects/shop-web

             ✓ src/components/CartSummary.test.tsx (3 tests) {random.Next(30, 60)}ms
             ❯ {file} (4 tests | 1 failed) {random.Next(4, 15)}ms
               × {test} {random.Next(2, 9)}ms
                 → {error["AssertionError: ".Length..]}

            ⎯⎯⎯⎯⎯⎯⎯ Failed Tests 1 ⎯⎯⎯⎯⎯⎯⎯

             FAIL  {file} > {test}
            {error}

            - Expected
            + Received

            {diff}

            {frame}

            ⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯

             Test Files  1 failed | 3 passed (4)
                  Tests  1 failed | 15 passed (16)
               Start at  {start}
               Duration  {random.Next(90, 160) / 100.0:0.00}s (transform {random.Next(60, 120)}ms, setup 0ms, collect {random.Next(180, 300)}ms, tests {random.Next(30, 70)}ms, environment {random.Next(300, 500)}ms, prepare {random.Next(250, 350)}ms)


            """;
    }

    private static string VitestPass(Random random)
    {
        var start = $"{random.Next(8, 19):00}:{random.Next(60):00}:{random.Next(60):00}";
        return $"""

             RUN  v2.1.8 /home/dev/projects/shop-web

             ✓ src/lib/money.test.ts (1 test) {random.Next(2, 6)}ms
             ✓ src/lib/cart.test.ts (4 tests) {random.Next(4, 12)}ms
             ✓ src/components/CartSummary.test.tsx (3 tests) {random.Next(30, 60)}ms

             Test Files  3 passed (3)
                  Tests  16 passed (16)
               Start at  {start}
               Duration  {random.Next(90, 160) / 100.0:0.00}s (transform {random.Next(60, 120)}ms, setup 0ms, collect {random.Next(180, 300)}ms, tests {random.Next(30, 70)}ms, environment {random.Next(300, 500)}ms, prepare {random.Next(250, 350)}ms)


            """;
    }
}
