package jp.evalsheet.report;

import javax.xml.namespace.QName;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.xmlbeans.XmlCursor;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTBarChart;

/**
 * The bar chart of a policy's cost trend, drawn by the workbook itself (a DrawingML chart, not a
 * picture): one bar per fiscal year, settled (決算) and forecast (決算見込み) in two colours, whose
 * series reference the cells of the cost table on the same sheet, so that the chart follows the
 * table when someone corrects a figure.
 */
final class CostTrendChart {

    /** The height of the chart in rows, below the table. */
    static final int HEIGHT_ROWS = 18;

    private CostTrendChart() {
    }

    /**
     * Draws the chart from row {@code top}, columns A to G: categories from column {@code yearColumn},
     * the settled and forecast series from the two columns after it, over the table's data rows.
     */
    static XSSFChart draw(XSSFSheet sheet, String title, ReportSheet.Table table, int yearColumn, int top) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 0, top, 7, top + HEIGHT_ROWS);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);

        XDDFCategoryAxis years = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis cost = chart.createValueAxis(AxisPosition.LEFT);
        cost.setTitle("千円");
        cost.setNumberFormat("#,##0");
        cost.setCrosses(AxisCrosses.AUTO_ZERO);
        cost.setCrossBetween(AxisCrossBetween.BETWEEN);

        XDDFBarChartData bars = (XDDFBarChartData) chart.createData(ChartTypes.BAR, years, cost);
        bars.setBarDirection(BarDirection.COL);
        // a year is either settled or forecast: stacked, the two series make one bar per year
        bars.setBarGrouping(BarGrouping.STACKED);
        bars.setGapWidth(80);
        bars.setVaryColors(false);
        XDDFDataSource<String> categories = XDDFDataSourcesFactory.fromStringCellRange(sheet,
                new CellRangeAddress(table.firstRow(), table.lastRow(), yearColumn, yearColumn));
        series(sheet, bars, categories, table, yearColumn + 1, PresetColor.STEEL_BLUE);
        series(sheet, bars, categories, table, yearColumn + 2, PresetColor.LIGHT_SALMON);
        chart.plot(bars);
        overlapFully(chart);
        return chart;
    }

    /**
     * Stacked bars must overlap fully, or Excel draws the series side by side. POI's
     * {@code setOverlap} needs a schema type that poi-ooxml-lite does not ship, so the element's
     * value is written as text, after the gap width as the schema orders it.
     */
    private static void overlapFully(XSSFChart chart) {
        CTBarChart bar = chart.getCTChart().getPlotArea().getBarChartArray(0);
        try (XmlCursor cursor = bar.getGapWidth().newCursor()) {
            cursor.toEndToken();
            cursor.toNextToken();
            cursor.beginElement(new QName(XSSFRelation.NS_CHART, "overlap", "c"));
            cursor.insertAttributeWithValue("val", "100");
        }
    }

    private static void series(XSSFSheet sheet, XDDFBarChartData bars, XDDFDataSource<String> categories,
            ReportSheet.Table table, int column, PresetColor colour) {
        XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                new CellRangeAddress(table.firstRow(), table.lastRow(), column, column));
        XDDFChartData.Series series = bars.addSeries(categories, values);
        // the series' name is the table's header cell (決算（千円）), referenced, not copied
        series.setTitle(sheet.getRow(table.headerRow()).getCell(column).getStringCellValue(),
                new CellReference(sheet.getSheetName(), table.headerRow(), column, true, true));
        series.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(colour)));
    }
}
