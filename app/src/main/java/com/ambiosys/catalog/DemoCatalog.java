package com.ambiosys.catalog;

import java.math.BigDecimal;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.ambiosys.catalog.CatalogViews.Category;
import com.ambiosys.catalog.CatalogViews.ItemDetails;
import com.ambiosys.catalog.CatalogViews.NewCategory;
import com.ambiosys.catalog.CatalogViews.NewItem;
import com.ambiosys.catalog.CatalogViews.PriceChange;
import com.ambiosys.identity.DemoTenantCreated;
import com.ambiosys.identity.UserId;
import com.ambiosys.platform.tenancy.TenantContext;

/**
 * The demo tenant's catalog: what Ambiotec sells in Guatemala (GTQ, 12 % VAT) and El Salvador
 * (USD, 13 % VAT), with a couple of price changes made by the manager.
 */
@Component
class DemoCatalog {

    private final CatalogCategories categories;
    private final CatalogManagement catalog;

    DemoCatalog(CatalogCategories categories, CatalogManagement catalog) {
        this.categories = categories;
        this.catalog = catalog;
    }

    @ApplicationModuleListener
    void seed(DemoTenantCreated demo) {
        UserId manager = demo.staff().get("gerencia@ambiotec.example");
        TenantContext.runAs(demo.tenantId(), () -> seed(manager == null ? null : manager.value()));
    }

    private void seed(UUID manager) {
        Category toilets = category(null, "Sanitarios portátiles", "SAN", "Renta de sanitarios para obras y eventos.");
        Category septic = category(null, "Limpieza de fosas sépticas", "FOS", "Succión, transporte y disposición de lodos.");
        Category plants = category(null, "Plantas de tratamiento (PTAR)", "PTAR",
                "Diseño, operación y mantenimiento de plantas de tratamiento de aguas residuales.");
        Category supplies = category(null, "Insumos", "INS", null);
        Category chemicals = category(supplies.id(), "Químicos y desinfectantes", "QUI", null);
        Category paper = category(supplies.id(), "Papel y jabón", "PAP", null);

        ItemDetails standard = item(toilets, "SERVICE", "Sanitario portátil estándar – renta mensual", "MONTH", "850.00", "GTQ", "12");
        item(toilets, "SERVICE", "Sanitario VIP con lavamanos – evento (día)", "DAY", "450.00", "GTQ", "12");
        item(toilets, "SERVICE", "Servicio de limpieza adicional", "SERVICE", "125.00", "GTQ", "12");
        item(toilets, "SERVICE", "Sanitario portátil estándar – renta mensual (El Salvador)", "MONTH", "95.00", "USD", "13");
        ItemDetails suction = item(septic, "SERVICE", "Succión de fosa séptica hasta 5 m³", "SERVICE", "1500.00", "GTQ", "12");
        item(septic, "SERVICE", "Transporte de lodos por m³", "M3", "180.00", "GTQ", "12");
        item(septic, "SERVICE", "Succión de fosa séptica hasta 5 m³ (El Salvador)", "SERVICE", "190.00", "USD", "13");
        item(plants, "SERVICE", "Operación mensual PTAR hasta 50 m³/día", "MONTH", "1200.00", "USD", "13");
        item(plants, "SERVICE", "Análisis de laboratorio de agua residual", "SERVICE", "2400.00", "GTQ", "12");
        item(plants, "SERVICE", "Visita técnica de diagnóstico", "TRIP", "650.00", "GTQ", "12");
        item(chemicals, "PRODUCT", "Desinfectante biodegradable para sanitarios (galón)", "UNIT", "85.00", "GTQ", "12");
        item(paper, "PRODUCT", "Papel higiénico industrial (caja)", "BOX", "210.00", "GTQ", "12");
        ItemDetails soap = item(paper, "PRODUCT", "Jabón líquido para lavamanos (galón)", "UNIT", "65.00", "GTQ", "12");
        catalog.setActive(soap.id(), false);

        catalog.changePrice(standard.id(), new PriceChange(new BigDecimal("900.00"), Currency.GTQ,
                "Ajuste anual de tarifas 2026", null), manager);
        catalog.changePrice(suction.id(), new PriceChange(new BigDecimal("1650.00"), Currency.GTQ,
                "Aumento del costo de disposición de lodos", null), manager);
    }

    private Category category(UUID parent, String name, String prefix, String description) {
        return categories.create(new NewCategory(parent, name, prefix, description, true));
    }

    private ItemDetails item(Category category, String kind, String name, String unit, String price, String currency, String vat) {
        return catalog.create(new NewItem(category.id(), ItemKind.valueOf(kind), name, null, Unit.valueOf(unit),
                new BigDecimal(price), Currency.valueOf(currency),
                new BigDecimal(vat)));
    }
}
