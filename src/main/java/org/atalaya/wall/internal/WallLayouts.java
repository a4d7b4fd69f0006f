package org.atalaya.wall.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.atalaya.access.CameraReach;
import org.atalaya.access.Permission;
import org.atalaya.access.SignedInUser;
import org.atalaya.audit.AuditEvent;
import org.atalaya.audit.AuditLog;
import org.atalaya.camera.CameraCatalog;
import org.atalaya.camera.RegisteredCamera;
import org.atalaya.wall.WallProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The named layouts of the wall: each user keeps their own and may share them. A layout names only cameras its
 * owner may watch live when it is saved; whoever opens it sees only the cameras they themselves may watch live.
 */
@Service
class WallLayouts {

    static final String CREATE = "wall.layout.create";
    static final String UPDATE = "wall.layout.update";
    static final String DELETE = "wall.layout.delete";
    static final int LONGEST_NAME = 80;
    static final int MOST_TOUR_CAMERAS = 64;
    static final int LONGEST_DWELL_SECONDS = (int) WallProperties.LONGEST_TOUR_DWELL.toSeconds();

    private final WallLayoutStore store;
    private final CameraCatalog cameras;
    private final AuditLog audit;
    private final WallProperties properties;
    private final Clock clock;

    WallLayouts(WallLayoutStore store, CameraCatalog cameras, AuditLog audit, WallProperties properties,
                Clock clock) {
        this.store = store;
        this.cameras = cameras;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** The cameras the user may watch live, by name. */
    List<RegisteredCamera> watchable(SignedInUser user) {
        return cameras.all().stream().filter(camera -> mayWatch(user, camera.cameraGroup())).toList();
    }

    List<LayoutViews.Summary> openable(SignedInUser user) {
        return store.openableBy(user.username()).stream()
                .map(layout -> new LayoutViews.Summary(layout.id(), layout.name(), layout.owner(), layout.shared(),
                        isOwner(user, layout), layout.content().grid(), layout.updatedAt()))
                .toList();
    }

    LayoutViews.Layout open(long id, SignedInUser user) {
        return view(openableLayout(id, user), user);
    }

    @Transactional
    LayoutViews.Layout create(LayoutRequest request, SignedInUser user) {
        Valid valid = validate(request, user);
        if (store.countOwnedBy(user.username()) >= properties.maxLayoutsPerUser()) {
            throw WallProblem.tooMany(properties.maxLayoutsPerUser());
        }
        if (store.nameTaken(user.username(), valid.name(), 0)) throw WallProblem.nameTaken(valid.name());
        long id;
        try {
            id = store.insert(user.username(), valid.name(), valid.shared(), valid.content(), clock.instant());
        } catch (DuplicateKeyException e) {
            throw WallProblem.nameTaken(valid.name());
        }
        StoredLayout created = store.find(id).orElseThrow();
        audit.record(described(AuditEvent.success(CREATE, created.auditTarget()), created));
        return view(created, user);
    }

    @Transactional
    LayoutViews.Layout update(long id, LayoutRequest request, SignedInUser user) {
        StoredLayout current = ownLayout(id, user);
        Valid valid = validate(request, user);
        if (store.nameTaken(user.username(), valid.name(), id)) throw WallProblem.nameTaken(valid.name());
        try {
            store.update(id, valid.name(), valid.shared(), valid.content(), clock.instant());
        } catch (DuplicateKeyException e) {
            throw WallProblem.nameTaken(valid.name());
        }
        StoredLayout updated = store.find(id).orElseThrow();
        AuditEvent event = described(AuditEvent.success(UPDATE, updated.auditTarget()), updated);
        if (!current.name().equals(updated.name())) event = event.with("previousName", current.name());
        audit.record(event);
        return view(updated, user);
    }

    @Transactional
    void delete(long id, SignedInUser user) {
        StoredLayout layout = ownLayout(id, user);
        store.delete(id);
        audit.record(described(AuditEvent.success(DELETE, layout.auditTarget()), layout));
    }

    private StoredLayout openableLayout(long id, SignedInUser user) {
        return store.find(id).filter(layout -> layout.shared() || isOwner(user, layout))
                .orElseThrow(() -> WallProblem.notFound(id));
    }

    private StoredLayout ownLayout(long id, SignedInUser user) {
        StoredLayout layout = openableLayout(id, user);
        if (!isOwner(user, layout)) throw WallProblem.notYours(layout);
        return layout;
    }

    private static boolean isOwner(SignedInUser user, StoredLayout layout) {
        return layout.owner().equals(user.username());
    }

    private static AuditEvent described(AuditEvent event, StoredLayout layout) {
        return event.with("grid", layout.content().grid()).with("shared", Boolean.toString(layout.shared()));
    }

    /** The layout as the user may see it: what they may not watch live is a forbidden tile, tours lose it. */
    private LayoutViews.Layout view(StoredLayout layout, SignedInUser user) {
        List<LayoutViews.Tile> tiles = new ArrayList<>();
        for (WallContent.Tile tile : layout.content().tiles()) {
            tiles.add(tile == null ? null : visible(tile, user));
        }
        return new LayoutViews.Layout(layout.id(), layout.name(), layout.owner(), layout.shared(),
                isOwner(user, layout), layout.content().grid(), tiles, layout.createdAt(), layout.updatedAt());
    }

    private LayoutViews.Tile visible(WallContent.Tile tile, SignedInUser user) {
        if (tile.camera() != null) {
            return mayWatch(user, tile.camera()) ? LayoutViews.Tile.camera(tile.camera()) : LayoutViews.Tile.FORBIDDEN;
        }
        List<Long> watched = tile.tour().cameras().stream().filter(camera -> mayWatch(user, camera)).toList();
        return watched.isEmpty() ? LayoutViews.Tile.FORBIDDEN
                : LayoutViews.Tile.tour(new WallContent.Tour(watched, tile.tour().dwellSeconds()));
    }

    private boolean mayWatch(SignedInUser user, long cameraId) {
        return cameras.find(cameraId).filter(camera -> mayWatch(user, camera.cameraGroup())).isPresent();
    }

    private static boolean mayWatch(SignedInUser user, String cameraGroup) {
        return user.reach(Permission.LIVE_VIEW, cameraGroup) == CameraReach.PERMITTED;
    }

    private record Valid(String name, boolean shared, WallContent content) {
    }

    private Valid validate(LayoutRequest request, SignedInUser user) {
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty()) throw WallProblem.invalid("name-required", "A layout needs a name.");
        if (name.length() > LONGEST_NAME) {
            throw WallProblem.invalid("name-long", "A layout name may be at most " + LONGEST_NAME
                    + " characters long.", LONGEST_NAME);
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw WallProblem.invalid("name-control", "A layout name may not contain control characters.");
        }
        WallGrid grid = WallGrid.of(request.grid()).orElseThrow(() -> WallProblem.invalid("grid",
                "The grid must be one of " + WallGrid.keys() + ", not “" + request.grid() + "”.", WallGrid.keys(),
                String.valueOf(request.grid())));
        List<WallContent.Tile> tiles = request.tiles() == null ? List.of() : request.tiles();
        if (tiles.size() > grid.tiles()) {
            throw WallProblem.invalid("too-many-tiles", "The grid " + grid.key() + " has " + grid.tiles()
                    + " tiles, but " + tiles.size() + " were sent.", grid.key(), grid.tiles(), tiles.size());
        }
        List<WallContent.Tile> checked = new ArrayList<>();
        for (int index = 0; index < tiles.size(); index++) {
            checked.add(tiles.get(index) == null ? null : checked(tiles.get(index), index + 1, user));
        }
        return new Valid(name, Boolean.TRUE.equals(request.shared()), new WallContent(grid.key(), checked));
    }

    private WallContent.Tile checked(WallContent.Tile tile, int number, SignedInUser user) {
        if (tile.camera() != null && tile.tour() != null) {
            throw WallProblem.invalid("camera-and-tour",
                    "Tile " + number + " holds a camera and a tour: it can show only one of them.", number);
        }
        if (tile.camera() != null) {
            watchableCamera(tile.camera(), number, user);
            return new WallContent.Tile(tile.camera(), null);
        }
        if (tile.tour() == null) return null;
        WallContent.Tour tour = tile.tour();
        List<Long> tourCameras = tour.cameras() == null ? List.of() : tour.cameras();
        if (tourCameras.size() < 2 || tourCameras.size() > MOST_TOUR_CAMERAS) {
            throw WallProblem.invalid("tour-size", "The tour of tile " + number + " needs 2 to "
                    + MOST_TOUR_CAMERAS + " cameras.", number, MOST_TOUR_CAMERAS);
        }
        if (tour.dwellSeconds() == null || tour.dwellSeconds() < 1 || tour.dwellSeconds() > LONGEST_DWELL_SECONDS) {
            throw WallProblem.invalid("tour-dwell", "The tour of tile " + number + " must show each camera for 1 to "
                    + LONGEST_DWELL_SECONDS + " seconds.", number, String.valueOf(LONGEST_DWELL_SECONDS));
        }
        for (Long camera : tourCameras) {
            if (camera == null) {
                throw WallProblem.invalid("tour-camera-missing", "The tour of tile " + number
                        + " lists an empty camera.", number);
            }
            watchableCamera(camera, number, user);
        }
        return new WallContent.Tile(null, new WallContent.Tour(List.copyOf(tourCameras), tour.dwellSeconds()));
    }

    private void watchableCamera(long cameraId, int number, SignedInUser user) {
        RegisteredCamera camera = cameras.find(cameraId)
                .filter(found -> user.reach(Permission.LIVE_VIEW, found.cameraGroup()) != CameraReach.HIDDEN)
                .orElseThrow(() -> WallProblem.invalid("camera-unknown", "Tile " + number + ": there is no camera "
                        + cameraId + " that you may see.", number, String.valueOf(cameraId)));
        if (!mayWatch(user, camera.cameraGroup())) {
            throw WallProblem.invalid("camera-forbidden", "Tile " + number + ": you may not watch camera “"
                    + camera.name() + "” live.", number, camera.name());
        }
    }
}
