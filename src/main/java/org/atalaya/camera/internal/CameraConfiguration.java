package org.atalaya.camera.internal;

import org.atalaya.camera.CameraProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CameraProperties.class)
class CameraConfiguration {
}
