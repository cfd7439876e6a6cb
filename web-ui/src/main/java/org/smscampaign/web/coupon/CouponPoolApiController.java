package org.smscampaign.web.coupon;

import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.smscampaign.campaign.CodeUpload;
import org.smscampaign.campaign.CouponPoolView;
import org.smscampaign.campaign.CouponPools;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Coupon pools over REST: create one, add its codes, see what is left. */
@RestController
@RequestMapping("/api/v1/coupon-pools")
@Tag(name = "Coupons")
class CouponPoolApiController {

    private final CouponPools pools;

    CouponPoolApiController(CouponPools pools) {
        this.pools = pools;
    }

    /** A new pool's name. */
    record NewPool(String name) {

    }

    @GetMapping
    @Operation(summary = "Coupon pools", description = "Each with its size, the codes used and the codes left.")
    List<CouponPoolView> list() {
        return this.pools.list();
    }

    @PostMapping
    @Operation(summary = "Create a coupon pool",
            description = "A named, empty pool (409 when the name is taken); add codes with /{id}/codes. A campaign "
                    + "with coupons {source: POOL, poolId} gives each recipient one code of the pool, never used again.")
    ResponseEntity<CouponPoolView> create(@RequestBody NewPool pool, Principal principal) {
        CouponPoolView created = this.pools.create(pool.name(), principal.getName());
        return ResponseEntity.created(URI.create("/api/v1/coupon-pools/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A coupon pool")
    CouponPoolView get(@PathVariable long id) {
        return this.pools.get(id);
    }

    @PostMapping(path = "/{id}/codes", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Add codes to a pool",
            description = "Upload the file in the part 'file': a CSV whose first column holds the codes (a header "
                    + "'code' is skipped) or one code per line: 3 to 40 letters, digits, dots, dashes or "
                    + "underscores, compared in upper case. Blank lines, repeats and codes that exist already are "
                    + "listed in problems with their line; the others are added.")
    CodeUpload addCodes(@PathVariable long id, @RequestPart("file") MultipartFile file) throws IOException {
        return this.pools.addCodes(id, UploadedText.of(file));
    }

}
