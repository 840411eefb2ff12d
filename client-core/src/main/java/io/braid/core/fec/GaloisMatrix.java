package io.braid.core.fec;

/** The little matrix algebra over GF(2^8) that building and inverting coding matrices needs. */
final class GaloisMatrix {
    private GaloisMatrix() {}

    /** rows x cols Vandermonde matrix: element (r, c) = r^c. Any cols of its rows are independent. */
    static byte[][] vandermonde(int rows, int cols) {
        byte[][] v = new byte[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) v[r][c] = (byte) GaloisField.power(r, c);
        }
        return v;
    }

    static byte[][] multiply(byte[][] a, byte[][] b) {
        byte[][] out = new byte[a.length][b[0].length];
        for (int r = 0; r < a.length; r++) {
            for (int c = 0; c < b[0].length; c++) {
                int sum = 0;
                for (int i = 0; i < b.length; i++) sum ^= GaloisField.multiply(a[r][i], b[i][c]);
                out[r][c] = (byte) sum;
            }
        }
        return out;
    }

    /**
     * Inverts the n x n matrix {@code m} into {@code out} by Gauss-Jordan elimination, using
     * {@code work} (n x 2n) as scratch, so a decoder can reuse its arrays.
     *
     * @return false when {@code m} is singular
     */
    static boolean invert(byte[][] m, byte[][] out, byte[][] work, int n) {
        for (int r = 0; r < n; r++) {
            System.arraycopy(m[r], 0, work[r], 0, n);
            for (int c = 0; c < n; c++) work[r][n + c] = (byte) (r == c ? 1 : 0);
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            while (pivot < n && work[pivot][col] == 0) pivot++;
            if (pivot == n) return false;
            byte[] t = work[pivot];
            work[pivot] = work[col];
            work[col] = t;
            int scale = GaloisField.inverse(work[col][col]);
            byte[] row = work[col];
            for (int c = 0; c < 2 * n; c++) row[c] = (byte) GaloisField.multiply(row[c], scale);
            for (int r = 0; r < n; r++) {
                if (r == col || work[r][col] == 0) continue;
                byte[] mul = GaloisField.MUL[work[r][col] & 0xFF];
                byte[] target = work[r];
                for (int c = 0; c < 2 * n; c++) target[c] ^= mul[row[c] & 0xFF];
            }
        }
        for (int r = 0; r < n; r++) System.arraycopy(work[r], n, out[r], 0, n);
        return true;
    }

    static byte[][] square(int n) {
        return new byte[n][n];
    }
}
