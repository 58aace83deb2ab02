package com.ambiosys.customers.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

import com.ambiosys.platform.errors.InvalidInputException;

/**
 * An uploaded Excel workbook (what the customer export writes) read as the CSV text the import takes: the first
 * sheet, row by row. Read as a stream and cut off past the import's row limit, so that a small file that unpacks
 * into a huge sheet costs no more than the limit.
 */
final class Spreadsheets {

    /** Rows read at most: the import refuses more anyway (and says so). */
    static final int MAX_ROWS = 5_002;
    static final int MAX_COLUMNS = 60;

    private Spreadsheets() {
    }

    /** Whether the bytes are a zip archive, as an .xlsx workbook is. */
    static boolean isWorkbook(byte[] bytes) {
        return bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    static String csv(byte[] bytes) {
        StringWriter out = new StringWriter();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes));
                Stream<Row> rows = workbook.getFirstSheet().openStream();
                CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            Iterator<Row> it = rows.iterator();
            for (int n = 0; n < MAX_ROWS && it.hasNext(); n++) {
                Row row = it.next();
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.min(row.getCellCount(), MAX_COLUMNS); c++) {
                    String text = row.getCellText(c);
                    cells.add(text == null ? "" : text);
                }
                csv.printRecord(cells);
            }
        }
        catch (IOException | RuntimeException ex) { // a damaged or foreign workbook
            throw new InvalidInputException("import-unreadable", ex.getMessage() == null ? "" : ex.getMessage());
        }
        return out.toString();
    }
}
