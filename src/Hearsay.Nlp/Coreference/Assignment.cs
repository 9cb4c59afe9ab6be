namespace Hearsay.Nlp.Coreference;

/// <summary>Maximum-weight bipartite matching (Hungarian algorithm, O(n^3)) for CEAF's optimal cluster alignment.</summary>
public static class Assignment
{
    /// <summary>The largest sum of weights over a one-to-one matching of rows to columns (weights non-negative).</summary>
    public static double MaximumWeight(double[,] weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        int rows = weights.GetLength(0), cols = weights.GetLength(1);
        int n = Math.Max(rows, cols);
        if (n == 0)
        {
            return 0;
        }

        double max = 0;
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < cols; j++)
            {
                max = Math.Max(max, weights[i, j]);
            }
        }

        // Minimise cost = max - weight on the square matrix (padding costs max), 1-based potentials (e-maxx).
        var u = new double[n + 1];
        var v = new double[n + 1];
        var p = new int[n + 1];
        var way = new int[n + 1];
        var minv = new double[n + 1];
        var used = new bool[n + 1];
        for (int i = 1; i <= n; i++)
        {
            p[0] = i;
            int j0 = 0;
            Array.Fill(minv, double.PositiveInfinity);
            Array.Fill(used, false);
            do
            {
                used[j0] = true;
                int i0 = p[j0], j1 = 0;
                double delta = double.PositiveInfinity;
                for (int j = 1; j <= n; j++)
                {
                    if (used[j])
                    {
                        continue;
                    }

                    double w = i0 - 1 < rows && j - 1 < cols ? weights[i0 - 1, j - 1] : 0;
                    double cur = max - w - u[i0] - v[j];
                    if (cur < minv[j])
                    {
                        minv[j] = cur;
                        way[j] = j0;
                    }

                    if (minv[j] < delta)
                    {
                        delta = minv[j];
                        j1 = j;
                    }
                }

                for (int j = 0; j <= n; j++)
                {
                    if (used[j])
                    {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    }
                    else
                    {
                        minv[j] -= delta;
                    }
                }

                j0 = j1;
            }
            while (p[j0] != 0);

            do
            {
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            }
            while (j0 != 0);
        }

        double total = 0;
        for (int j = 1; j <= n; j++)
        {
            int i = p[j];
            if (i - 1 < rows && j - 1 < cols)
            {
                total += weights[i - 1, j - 1];
            }
        }

        return total;
    }
}
