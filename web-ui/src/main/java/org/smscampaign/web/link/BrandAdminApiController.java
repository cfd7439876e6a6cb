package org.smscampaign.web.link;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.smscampaign.link.BrandView;
import org.smscampaign.link.Brands;
import org.smscampaign.link.LinkAddress;
import org.smscampaign.link.LinkAddresses;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Brands over REST, for admins: create, rename, change the link address and choose the
 * default, as under Admin › Link tracking. Each answer shows what the brand's short links
 * look like and whether recipients can open them.
 */
@RestController
@RequestMapping("/api/v1/admin/brands")
@Tag(name = "Brands")
class BrandAdminApiController {

    /**
     * A new brand.
     *
     * @param baseUrl its link address: short links are this plus a code (https
     * recommended)
     * @param hosts link hosts the redirector answers on at their root (the link address's
     * own host is added when the address is at a host's root)
     */
    record NewBrand(String name, String baseUrl, List<String> hosts, String fallbackUrl,
            List<String> allowedTargetDomains, Boolean makeDefault) {

    }

    /** A change of name or link address; a missing member keeps its value. */
    record BrandChange(String name, String baseUrl) {

    }

    /** A brand and where its short links point. */
    record BrandDetails(BrandView brand, LinkAddress linkAddress) {

    }

    private final Brands brands;

    private final LinkAddresses addresses;

    BrandAdminApiController(Brands brands, LinkAddresses addresses) {
        this.brands = brands;
        this.addresses = addresses;
    }

    @GetMapping
    @Operation(summary = "Brands, the default first",
            description = "With each brand's sample short link and whether recipients can open its links.")
    List<BrandDetails> list() {
        return this.brands.all().stream().map(this::details).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "A brand")
    BrandDetails get(@PathVariable long id) {
        return details(this.brands.get(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a brand",
            description = "The link address must be an http or https URL without query or fragment; http is "
                    + "accepted with a warning in linkAddress. 409 when the name or a host is taken.")
    BrandDetails create(@RequestBody NewBrand brand) {
        return details(this.brands.create(brand.name(), brand.baseUrl(), brand.fallbackUrl(),
                (brand.allowedTargetDomains() != null) ? brand.allowedTargetDomains() : List.of(),
                (brand.hosts() != null) ? brand.hosts() : List.of(), Boolean.TRUE.equals(brand.makeDefault())));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Rename a brand or change its link address",
            description = "New short links are built on the new address; links already sent keep theirs and keep "
                    + "working.")
    BrandDetails update(@PathVariable long id, @RequestBody BrandChange change) {
        BrandView current = this.brands.get(id);
        return details(this.brands.update(id, (change.name() != null) ? change.name() : current.name(),
                (change.baseUrl() != null) ? change.baseUrl() : current.baseUrl()));
    }

    @PostMapping("/{id}/default")
    @Operation(summary = "Make a brand the default",
            description = "Campaigns and links that name no brand use it; the previous default no longer is.")
    BrandDetails makeDefault(@PathVariable long id) {
        return details(this.brands.makeDefault(id));
    }

    private BrandDetails details(BrandView brand) {
        return new BrandDetails(brand, this.addresses.of(brand));
    }

}
